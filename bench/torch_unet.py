"""PyTorch mirror of src/model/unet.ts, for `npm run bench:train`.

Reads the U-Net config as JSON (the same object the TS code uses), builds the
same architecture (same layers, same channels, same parameter count: both are
printed), and times Adam training steps on random data.

  /usr/bin/python3 bench/torch_unet.py --config '<json>' --batch 64 --steps 10 --threads 1
Prints one JSON line: {"params": ..., "ms_per_step": [...], "median_ms": ...}
"""
import argparse
import json
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class GN(nn.GroupNorm):
    def __init__(self, cfg, c):
        super().__init__(min(cfg["groups"], c), c, eps=1e-5)


class Res(nn.Module):
    def __init__(self, cfg, cin, cout):
        super().__init__()
        self.norm1 = GN(cfg, cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.temb = nn.Linear(cfg["timeEmbedDim"], cout)
        self.norm2 = GN(cfg, cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else None

    def forward(self, x, temb):
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.temb(temb)[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return (self.skip(x) if self.skip is not None else x) + h


class Attn(nn.Module):
    def __init__(self, cfg, c):
        super().__init__()
        self.heads = cfg["numHeads"]
        self.norm = GN(cfg, c)
        self.qkv = nn.Linear(c, 3 * c)
        self.proj = nn.Linear(c, c)

    def forward(self, x):
        b, c, h, w = x.shape
        n = h * w
        hn = self.norm(x).reshape(b, c, n).transpose(1, 2)  # [B, N, C]
        q, k, v = self.qkv(hn).chunk(3, dim=2)
        d = c // self.heads
        split = lambda t: t.reshape(b, n, self.heads, d).transpose(1, 2)
        q, k, v = split(q), split(k), split(v)
        a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d), dim=-1)
        o = (a @ v).transpose(1, 2).reshape(b, n, c)
        return x + self.proj(o).transpose(1, 2).reshape(b, c, h, w)


class UNet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        ch = [cfg["baseChannels"] * m for m in cfg["channelMults"]]
        td, te = cfg["timeFeatureDim"], cfg["timeEmbedDim"]
        self.fc1 = nn.Linear(td, te)
        self.fc2 = nn.Linear(te, te)
        self.label = nn.Embedding(cfg["numClasses"] + 1, te) if cfg["numClasses"] > 0 else None
        self.inc = nn.Conv2d(cfg["inChannels"], ch[0], 3, padding=1)
        self.down = nn.ModuleList()
        cur, skips = ch[0], []
        for l, c in enumerate(ch):
            for _ in range(cfg["numResBlocks"]):
                blk = nn.ModuleDict({"res": Res(cfg, cur, c)})
                cur = c
                if l in cfg["attentionLevels"]:
                    blk["attn"] = Attn(cfg, cur)
                self.down.append(blk)
                skips.append(cur)
            if l < len(ch) - 1:
                self.down.append(nn.ModuleDict({"down": nn.Conv2d(cur, cur, 3, stride=2, padding=1)}))
        self.mid0 = Res(cfg, cur, cur)
        self.mida = Attn(cfg, cur)
        self.mid1 = Res(cfg, cur, cur)
        self.up = nn.ModuleList()
        for l in reversed(range(len(ch))):
            for _ in range(cfg["numResBlocks"]):
                s = skips.pop()
                blk = nn.ModuleDict({"res": Res(cfg, cur + s, ch[l])})
                cur = ch[l]
                if l in cfg["attentionLevels"]:
                    blk["attn"] = Attn(cfg, cur)
                self.up.append(blk)
            if l > 0:
                blk = nn.ModuleDict({"upsample": nn.Identity()})
                if cfg["upsampleConv"]:
                    blk["up"] = nn.Conv2d(cur, cur, 3, padding=1)
                self.up.append(blk)
        self.out_norm = GN(cfg, cur)
        self.out_conv = nn.Conv2d(cur, cfg["inChannels"], 3, padding=1)

    def forward(self, x, t, label):
        half = self.cfg["timeFeatureDim"] // 2
        freqs = torch.exp(-math.log(10000) * torch.arange(half) / max(1, half - 1))
        args = t.float()[:, None] * freqs[None]
        temb = self.fc2(F.silu(self.fc1(torch.cat([torch.sin(args), torch.cos(args)], 1))))
        if self.label is not None:
            temb = temb + self.label(label)
        temb = F.silu(temb)
        h = self.inc(x)
        skips = []
        for blk in self.down:
            if "down" in blk:
                h = blk["down"](h)
                continue
            h = blk["res"](h, temb)
            if "attn" in blk:
                h = blk["attn"](h)
            skips.append(h)
        h = self.mid1(self.mida(self.mid0(h, temb)), temb)
        for blk in self.up:
            if "upsample" in blk:
                h = F.interpolate(h, scale_factor=2, mode="nearest")
                if "up" in blk:
                    h = blk["up"](h)
                continue
            h = blk["res"](torch.cat([h, skips.pop()], 1), temb)
            if "attn" in blk:
                h = blk["attn"](h)
        return self.out_conv(F.silu(self.out_norm(h)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", required=True)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = json.loads(a.config)
    if cfg.get("contextDim", 0):
        raise SystemExit("cross-attention is not mirrored in the PyTorch bench")
    net = UNet(cfg)
    params = sum(p.numel() for p in net.parameters())
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    B, S, C = a.batch, cfg["imageSize"], cfg["inChannels"]
    times, cpu = [], []
    for i in range(a.warmup + a.steps):
        x = torch.randn(B, C, S, S)
        eps = torch.randn(B, C, S, S)
        t = torch.randint(0, cfg["timesteps"], (B,))
        lab = torch.randint(0, cfg["numClasses"] + 1, (B,))
        t0 = time.perf_counter()
        c0 = time.process_time()
        opt.zero_grad(set_to_none=True)
        loss = F.mse_loss(net(x, t, lab), eps)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        dt = (time.perf_counter() - t0) * 1000
        dc = (time.process_time() - c0) * 1000
        if i >= a.warmup:
            times.append(dt)
            cpu.append(dc)
    print(json.dumps({"params": params, "threads": a.threads, "batch": B, "torch": torch.__version__,
                      "ms_per_step": [round(t, 1) for t in times], "median_ms": statistics.median(times),
                      "median_cpu_ms": statistics.median(cpu)}))


if __name__ == "__main__":
    main()
