/**
 * The teachers' page as data: a 50-minute route through the course, each
 * stop with its figures, prepared states (lesson URL + query + the figure's
 * anchor, so a link opens that exact view) and what it asks of the machine,
 * then discussion questions with answers. Plain data, apart from the page
 * that lays it out; each language has its own file (teach-plan-fr.ts), and
 * `teachPlan` picks the page's.
 */
import { lessonBySlug, lessonPath } from '../../lessons/registry';
import type { Locale } from '../../src/i18n/locale';
import { QUESTIONS_FR, ROUTE_FR, TEACH_TEXT_FR } from './teach-plan-fr';

export interface PreparedState {
  /** What the class sees, said the way the teacher would announce it. */
  label: string;
  /** Query string without "?" (the lesson's URL state), may be empty. */
  query: string;
}

export interface TeachFigure {
  id: string;
  title: string;
  states: PreparedState[];
}

export interface TeachStop {
  minutes: number;
  lesson: string;
  point: string;
  figures: TeachFigure[];
  /** What the figure needs from the machine in the room. */
  machine: string;
}

export interface Question {
  q: string;
  a: string;
}

export interface TeachText {
  title: string;
  intro: string;
  before: string;
  routeTitle: string;
  questionsTitle: string;
  showAnswer: string;
  showAll: string;
  hideAll: string;
  print: string;
  minutes: (m: number) => string;
  at: (start: number, end: number) => string;
  /** With its colon, as each language writes it. */
  machineLabel: string;
  lessonLabel: (n: number, title: string) => string;
}

export const TEACH_TEXT: TeachText = {
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
};

const MODEL_FREE = 'Computed in the page from formulas: instant on any machine, no model, no GPU.';

export const ROUTE: TeachStop[] = [
  {
    minutes: 5,
    lesson: 'what-is-diffusion',
    point: 'The two phases: destroy an image with noise, then learn to undo it. Ask the class what the model must know to go backwards.',
    figures: [{ id: 'hero', title: 'A digit dissolves into static, and a new digit comes out of static', states: [{ label: 'The round trip, as it plays', query: '' }] }],
    machine:
      'The forward half is instant; the reverse half runs the shipped model step by step (25 steps). On a machine without a GPU it takes noticeably longer: open the page a minute before you need it.',
  },
  {
    minutes: 10,
    lesson: 'forward-process',
    point: 'Many small Gaussian steps, and the closed form that jumps to any t in one draw. The two paths differ pixel by pixel but agree in distribution.',
    figures: [
      {
        id: 'forward-process',
        title: 'The forward process, step by step and in one jump',
        states: [
          { label: 't = 0: the data', query: 't=0' },
          { label: 't = 250: the digit still shows', query: 't=250' },
          { label: 't = 600: mostly noise', query: 't=600' },
          { label: 't = 1000: pure noise, histogram on N(0, 1)', query: 't=1000' },
        ],
      },
    ],
    machine: MODEL_FREE,
  },
  {
    minutes: 7,
    lesson: 'noise-schedules',
    point: 'Linear against cosine: how fast the signal fades. Cosine keeps the digit readable for longer.',
    figures: [
      {
        id: 'schedule-curves',
        title: 'Comparing two noise schedules',
        states: [
          { label: 'Linear and cosine at T = 1000', query: 'a=linear&b=cosine&T=1000&t=500' },
          { label: 'Both at T = 50', query: 'a=linear&b=cosine&T=50&t=25' },
        ],
      },
      {
        id: 'schedule-images',
        title: 'The same digit and noise under both schedules',
        states: [{ label: 'Half way, t = 500 of 1000', query: 'a=linear&b=cosine&T=1000&t=500' }],
      },
    ],
    machine: MODEL_FREE,
  },
  {
    minutes: 8,
    lesson: 'denoiser-training',
    point: 'The U-Net sees x_t and t and guesses the noise; the loss is the squared error of that guess. Show a few steps of live training, not a full run.',
    figures: [
      { id: 'unet-diagram', title: 'The U-Net used in these lessons', states: [{ label: 'The architecture', query: '' }] },
      { id: 'training-lab', title: 'Training lab', states: [{ label: 'The tiny preset, for a live demo', query: 'lab=tiny' }] },
    ],
    machine:
      'The lab trains in a Web Worker and needs minutes, not seconds. Measured on a 2-core machine without a GPU: about 1.6–2.3 s per step with the tiny preset (batch 4), and about 1.5–3 minutes per step for the default model at batch 64 (WebGL or CPU). With a GPU it is far faster. In class, run the tiny preset for a minute, or train the default model beforehand: the lab saves it in the browser, and the later lessons can use it.',
  },
  {
    minutes: 10,
    lesson: 'reverse-process',
    point: 'Start from pure noise and remove it step by step. DDPM needs all 1000 steps; DDIM gets a digit in 50, even 10.',
    figures: [
      {
        id: 'reverse-stepper',
        title: 'The reverse process, step by step',
        states: [
          { label: 'DDPM, 1000 steps', query: 'smp=ddpm-posterior&steps=1000&seed=1' },
          { label: 'DDIM, 50 steps', query: 'smp=ddim&steps=50&seed=1' },
          { label: 'DDIM, 10 steps', query: 'smp=ddim&steps=10&seed=1' },
        ],
      },
    ],
    machine:
      'One network call per step with the shipped model. Without a GPU, DDIM with 10 or 50 steps is the one to run live; start DDPM with 1000 steps before class and step through the frames it kept.',
  },
  {
    minutes: 7,
    lesson: 'classifier-free-guidance',
    point: 'Guidance pushes the conditioned prediction away from the unconditioned one: more adherence, less diversity.',
    figures: [
      {
        id: 'guidance-predictions',
        title: 'The unconditional, conditional and guided noise predictions at one step',
        states: [
          { label: 'w = 0: unconditional', query: 'w=0' },
          { label: 'w = 1: plain conditional', query: 'w=1' },
          { label: 'w = 3', query: 'w=3' },
          { label: 'w = 10: strong guidance', query: 'w=10' },
        ],
      },
    ],
    machine: 'Runs the text-conditioned model up to the chosen step, once per setting: quick with a GPU, slower without; open each state once before class.',
  },
  {
    minutes: 3,
    lesson: 'dalle-vs-midjourney',
    point: 'Same foundation, different defaults. Close with the questions below.',
    figures: [{ id: 'dalle-styles', title: 'The same prompt and noise at an adherence setting and a high-guidance setting', states: [{ label: 'Side by side', query: '' }] }],
    machine: 'Two runs of the text-conditioned model on the same seed.',
  },
];

export const QUESTIONS: Question[] = [
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
];

/** The teachers' page's words, route and questions in `locale`. */
export function teachPlan(locale: Locale): { text: TeachText; route: TeachStop[]; questions: Question[] } {
  return locale === 'fr' ? { text: TEACH_TEXT_FR, route: ROUTE_FR, questions: QUESTIONS_FR } : { text: TEACH_TEXT, route: ROUTE, questions: QUESTIONS };
}

export interface StopView extends TeachStop {
  start: number;
  end: number;
  number: number;
  lessonTitle: string;
  path: string;
}

/** The route with its running clock and each lesson's number, title and path. */
export function routeWithTimes(route: readonly TeachStop[] = ROUTE): StopView[] {
  let clock = 0;
  return route.map((stop) => {
    const lesson = lessonBySlug(stop.lesson);
    if (!lesson) throw new Error(`teach plan: unknown lesson ${stop.lesson}`);
    const start = clock;
    clock += stop.minutes;
    return { ...stop, start, end: clock, number: lesson.number, lessonTitle: lesson.title, path: lessonPath(lesson) };
  });
}

/** The link to one prepared state: the lesson with its query, scrolled to the figure. */
export function stateHref(path: string, figureId: string, query: string): string {
  return `${path}${query ? `?${query}` : ''}#fig-${figureId}`;
}
