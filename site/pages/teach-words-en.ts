/** The teachers' page in English: its words, one entry per stop of ROUTE_PLAN (teach-plan.ts), and the questions. */
import type { TeachWords } from './teach-plan';

const MODEL_FREE = 'Computed in the page from formulas: instant on any machine, no model, no GPU.';

export const TEACH_WORDS_EN: TeachWords = {
  text: {
    title: 'Teaching with Diffusion, demystified',
    intro:
      'A 50-minute route through the course for a class with one projector. Each stop names the figures to show and links to prepared states: a link opens the lesson at that figure with its settings already in place. Every figure also has a Save PNG button for slides, and the forward process, the reverse process and the opening figure have Save GIF.',
    before:
      'Before class, open each link once on the machine you will project from: the site then also works without a network (the header says "Ready offline"), and the model figures have loaded their weights.',
    routeTitle: 'The route',
    questionsTitle: 'Questions for discussion',
    showAnswer: 'Answer',
    showAll: 'Show all answers',
    hideAll: 'Hide all answers',
    print: 'Print this page',
    minutes: (m: number) => `${m} min`,
    at: (start: number, end: number) => `${start}–${end} min`,
    machineLabel: 'Machine:',
    lessonLabel: (n: number, title: string) => `Lesson ${n}: ${title}`,
  },
  route: [
    {
      point: 'The two phases: destroy an image with noise, then learn to undo it. Ask the class what the model must know to go backwards.',
      figures: [{ title: 'A digit dissolves into static, and a new digit comes out of static', states: ['The round trip, as it plays'] }],
      machine:
        'The forward half is instant; the reverse half runs the shipped model step by step (25 steps). On a machine without a GPU it takes noticeably longer: open the page a minute before you need it.',
    },
    {
      point: 'Many small Gaussian steps, and the closed form that jumps to any t in one draw. The two paths differ pixel by pixel but agree in distribution.',
      figures: [
        {
          title: 'The forward process, step by step and in one jump',
          states: ['t = 0: the data', 't = 250: the digit still shows', 't = 600: mostly noise', 't = 1000: pure noise, histogram on N(0, 1)'],
        },
      ],
      machine: MODEL_FREE,
    },
    {
      point: 'Linear against cosine: how fast the signal fades. Cosine keeps the digit readable for longer.',
      figures: [
        { title: 'Comparing two noise schedules', states: ['Linear and cosine at T = 1000', 'Both at T = 50'] },
        { title: 'The same digit and noise under both schedules', states: ['Half way, t = 500 of 1000'] },
      ],
      machine: MODEL_FREE,
    },
    {
      point: 'The U-Net sees x_t and t and guesses the noise; the loss is the squared error of that guess. Show a few steps of live training, not a full run.',
      figures: [
        { title: 'The U-Net used in these lessons', states: ['The architecture'] },
        { title: 'Training lab', states: ['The tiny preset, for a live demo'] },
      ],
      machine:
        'The lab trains in a Web Worker and needs minutes, not seconds: it shows the speed it measures on the machine and, for the default model, how long until its digits are readable. In class, run the tiny preset for a minute, or train the default model beforehand: the lab saves it in the browser, and the later lessons can use it.',
    },
    {
      point: 'Start from pure noise and remove it step by step. DDPM needs all 1000 steps; DDIM gets a digit in 50, even 10.',
      figures: [{ title: 'The reverse process, step by step', states: ['DDPM, 1000 steps', 'DDIM, 50 steps', 'DDIM, 10 steps'] }],
      machine:
        'One network call per step with the shipped model. Without a GPU, DDIM with 10 or 50 steps is the one to run live; start DDPM with 1000 steps before class and step through the frames it kept.',
    },
    {
      point: 'Guidance pushes the conditioned prediction away from the unconditioned one: more adherence, less diversity.',
      figures: [
        {
          title: 'The unconditional, conditional and guided noise predictions at one step',
          states: ['w = 0: unconditional', 'w = 1: plain conditional', 'w = 3', 'w = 10: strong guidance'],
        },
      ],
      machine: 'Runs the text-conditioned model up to the chosen step, once per setting: quick with a GPU, slower without; open each state once before class.',
    },
    {
      point: 'Same foundation, different defaults. Close with the questions below.',
      figures: [{ title: 'The same prompt and noise at an adherence setting and a high-guidance setting', states: ['Side by side'] }],
      machine: 'Two runs of the text-conditioned model on the same seed.',
    },
  ],
  questions: [
    {
      q: 'Why add noise in many small steps instead of one big one?',
      a: 'Each small Gaussian step is easy to undo: its reverse is close to a Gaussian too, which a network can learn to predict. Training does not pay for the many steps, though: the closed form q(x_t | x_0) jumps to any t in one draw.',
    },
    {
      q: 'At t = T = 1000 with the linear schedule, how much of the image is left?',
      a: 'ᾱ_T is about 4·10⁻⁵, so x_T keeps √ᾱ_T ≈ 0.006 of the image under noise of standard deviation almost 1: nothing a person can see, and the pixels are distributed as N(0, 1), as the histogram in lesson 2 shows.',
    },
    {
      q: 'Why does the cosine schedule keep the digit readable for longer?',
      a: 'The linear schedule destroys most of the signal early, so many late steps are spent on images that are already noise. Cosine makes ᾱ_t fall slowly at both ends, spreading the steps more evenly over noise levels where there is still something to learn (Nichol & Dhariwal 2021).',
    },
    {
      q: 'What exactly does the network predict, and what is the loss?',
      a: 'Given the noisy image x_t and the timestep t, it predicts the noise ε that was added. The loss is the mean squared error between that prediction and the true ε.',
    },
    {
      q: 'How can DDIM draw a digit in 50 steps when the model was trained with 1000?',
      a: 'DDIM uses the same trained network but a deterministic update (with η = 0) that is valid on any subsequence of the timesteps, so it can skip most of them. Too few steps (10) start to lose detail.',
    },
    {
      q: 'What happens at guidance w = 0, w = 1 and w = 10?',
      a: 'With ε = ε_u + w·(ε_c − ε_u): w = 0 ignores the prompt, w = 1 is the plain conditional model, and a large w follows the prompt more strictly, at the cost of diversity and, past some point, of image quality.',
    },
  ],
};
