// Karpathy's career milestones, each with its source. Copied from the team's checked research
// notes (facts.md); a date that no primary source confirmed is stored as `approximate`, and the
// deck shows it as "c. YEAR" only.

import { AXIOS_HIRE, GIZMODO_LEAVES } from './quotes.ts'

export type Era = 'education' | 'research' | 'openai' | 'tesla' | 'teaching' | 'anthropic'

export interface CareerDate {
  year: number
  /** 1-12, only where a source gives it. */
  month?: number
  day?: number
  /** The year is not confirmed by a primary source: shown as "c. YEAR", never with a month. */
  approximate?: boolean
}

/** A post or degree held (drawn as the career's spine), or a piece of public work. */
export type Kind = 'role' | 'work'

export interface Milestone {
  /** Stable id, used by filters and tests. */
  id: string
  kind: Kind
  date: CareerDate
  /** End of a span (a PhD, a job), where the sources give one. */
  until?: CareerDate
  title: string
  /** A few words drawn on the timeline; none where the marker speaks for itself (a stint's end). */
  label?: string
  organisation: string
  era: Era
  /** One line: why it matters for this talk. */
  why: string
  /** The page that supports the milestone. */
  source: string
  /** Further pages that support it, where the research notes give more than one. */
  moreSources?: string[]
  /** How the research notes name a source whose address does not say which page, or has none. */
  citation?: string
}

export const ERA_LABELS: Record<Era, string> = {
  education: 'Education',
  research: 'Research',
  openai: 'OpenAI',
  tesla: 'Tesla',
  teaching: 'Teaching',
  anthropic: 'Anthropic',
}

const REWORK = 'https://re-work.co/blog/deep-learning-andrej-karpathy'
const ENGADGET_TESLA = 'https://engadget.com/2017/06/20/tesla-autopilot-lattner/'

export const milestones: Milestone[] = [
  {
    id: 'bsc-toronto',
    kind: 'role',
    date: { year: 2009, approximate: true },
    title: 'BSc Computer Science and Physics',
    label: 'BSc',
    organisation: 'University of Toronto',
    era: 'education',
    why: 'His first degree, in computer science and physics.',
    source: REWORK,
  },
  {
    id: 'msc-ubc',
    kind: 'role',
    date: { year: 2011, approximate: true },
    title: 'MSc Computer Science',
    label: 'MSc',
    organisation: 'University of British Columbia',
    era: 'education',
    why: 'A master\'s degree before the deep learning PhD.',
    source: REWORK,
  },
  {
    id: 'google-2011',
    kind: 'role',
    date: { year: 2011 },
    title: 'Internship at Google Research',
    label: 'Google',
    organisation: 'Google Research',
    era: 'research',
    why: 'The first of three research internships.',
    source: REWORK,
  },
  {
    id: 'phd-stanford',
    kind: 'role',
    date: { year: 2011, approximate: true },
    until: { year: 2016 },
    title: 'PhD with Fei-Fei Li, "Connecting Images and Natural Language"',
    label: 'PhD',
    organisation: 'Stanford University',
    era: 'research',
    why: 'His thesis joined vision and language.',
    source: 'https://karpathy.github.io/2016/09/07/phd/',
    moreSources: ['https://purl.stanford.edu/wf528qt3314'],
  },
  {
    id: 'google-2013',
    kind: 'role',
    date: { year: 2013 },
    title: 'Internship at Google Research',
    label: 'Google',
    organisation: 'Google Research',
    era: 'research',
    why: 'A second internship at Google Research.',
    source: REWORK,
  },
  {
    id: 'char-rnn',
    kind: 'work',
    date: { year: 2015, month: 5, day: 21 },
    title: '"The Unreasonable Effectiveness of Recurrent Neural Networks"',
    label: 'char-rnn',
    organisation: 'Blog post (char-rnn)',
    era: 'research',
    why: 'Character-level language models, explained on his blog.',
    source: 'https://karpathy.github.io/2015/05/21/rnn-effectiveness/',
  },
  {
    id: 'deepmind-2015',
    kind: 'role',
    date: { year: 2015 },
    title: 'Internship at DeepMind',
    label: 'DeepMind',
    organisation: 'DeepMind',
    era: 'research',
    why: 'His third research internship.',
    source: REWORK,
  },
  {
    id: 'cs231n',
    kind: 'work',
    date: { year: 2015, approximate: true },
    until: { year: 2017, approximate: true },
    title: 'Created and taught CS231n, Stanford\'s first deep learning course',
    label: 'CS231n',
    organisation: 'Stanford University',
    era: 'research',
    why: 'Enrolment grew from 150 to about 730 students.',
    source: ENGADGET_TESLA,
  },
  {
    id: 'openai-founding',
    kind: 'role',
    date: { year: 2015, month: 12 },
    until: { year: 2017 },
    title: 'Founding member and research scientist',
    label: 'Founding member',
    organisation: 'OpenAI',
    era: 'openai',
    why: 'One of the people OpenAI named at its launch.',
    source: 'https://openai.com/',
    citation: 'OpenAI\'s launch announcement, Dec 2015 (its founders list)',
  },
  {
    id: 'tesla-director',
    kind: 'role',
    date: { year: 2017, month: 6 },
    until: { year: 2022, month: 7 },
    title: 'Director of AI and Autopilot Vision, reporting to Elon Musk',
    label: 'Director of AI',
    organisation: 'Tesla',
    era: 'tesla',
    why: 'Directed AI and Autopilot Vision; later Sr. Director of AI.',
    source: ENGADGET_TESLA,
  },
  {
    id: 'software-2',
    kind: 'work',
    date: { year: 2017, month: 11 },
    title: '"Software 2.0" essay',
    label: 'Software 2.0',
    organisation: 'Medium',
    era: 'tesla',
    why: 'Neural networks as a new way to write software.',
    source: 'https://medium.com/@karpathy/software-2-0-a64152b37c35',
  },
  {
    id: 'leaves-tesla',
    kind: 'role',
    date: { year: 2022, month: 7, day: 13 },
    title: 'Leaves Tesla after a four-month sabbatical',
    organisation: 'Tesla',
    era: 'tesla',
    why: 'After five years as Tesla\'s Director of AI.',
    source: 'https://shacknews.com/article/131343',
  },
  {
    id: 'zero-to-hero',
    kind: 'work',
    date: { year: 2022, approximate: true },
    until: { year: 2023 },
    title: 'Neural Networks: Zero to Hero, from micrograd to "Let\'s build GPT"',
    label: 'Zero to Hero',
    organisation: 'YouTube course',
    era: 'teaching',
    why: 'Builds neural networks, up to GPT, from scratch on video.',
    source: 'https://github.com/karpathy/nn-zero-to-hero',
  },
  {
    id: 'openai-rejoins',
    kind: 'role',
    date: { year: 2023, month: 2 },
    until: { year: 2024, month: 2, day: 13 },
    title: 'Rejoins OpenAI',
    label: 'Rejoins',
    organisation: 'OpenAI',
    era: 'openai',
    why: 'His second stint at OpenAI, for about a year.',
    source: GIZMODO_LEAVES,
  },
  {
    id: 'state-of-gpt',
    kind: 'work',
    date: { year: 2023, month: 5, day: 23 },
    title: '"State of GPT" talk at Microsoft Build',
    label: 'State of GPT',
    organisation: 'Microsoft Build',
    era: 'openai',
    why: 'A talk at Microsoft Build, with its slides online.',
    source: 'https://youtube.com/watch?v=bZQun8Y4L2A',
    moreSources: ['https://karpathy.ai/stateofgpt.pdf'],
  },
  {
    id: 'leaves-openai',
    kind: 'role',
    date: { year: 2024, month: 2, day: 13 },
    title: 'Leaves OpenAI',
    organisation: 'OpenAI',
    era: 'openai',
    why: 'Then llm.c and Eureka Labs.',
    source: GIZMODO_LEAVES,
  },
  {
    id: 'llm-c',
    kind: 'work',
    date: { year: 2024, month: 4 },
    title: 'llm.c: LLM training in plain C/CUDA',
    label: 'llm.c',
    organisation: 'Open source',
    era: 'teaching',
    why: 'LLM training in plain C and CUDA.',
    source: 'https://github.com/karpathy/llm.c',
  },
  {
    id: 'eureka-labs',
    kind: 'role',
    date: { year: 2024, month: 7 },
    title: 'Founds Eureka Labs, AI-native education (course LLM101n)',
    label: 'Eureka Labs',
    organisation: 'Eureka Labs',
    era: 'teaching',
    why: 'His own company, for teaching with AI.',
    source: 'https://eurekalabs.ai/',
    moreSources: ['https://github.com/karpathy/LLM101n'],
  },
  {
    id: 'vibe-coding',
    kind: 'work',
    date: { year: 2025, month: 2, day: 2 },
    title: 'Coins "vibe coding"',
    label: '"vibe coding"',
    organisation: 'X, reported by Ars Technica',
    era: 'teaching',
    why: 'A term he coined in a post on X.',
    source: 'https://x.com/karpathy',
    citation: 'his post of Feb 2, 2025; reported by Ars Technica, Mar 2025',
  },
  {
    id: 'software-3',
    kind: 'work',
    date: { year: 2025, month: 6, day: 17 },
    title: '"Software Is Changing (Again)" talk',
    label: 'Software 3.0',
    organisation: 'YC AI Startup School',
    era: 'teaching',
    why: 'Software 3.0, in a talk to YC\'s AI Startup School.',
    source: 'https://youtube.com/@ycombinator',
    citation: 'the talk, on Y Combinator\'s YouTube channel',
  },
  {
    id: 'nanochat',
    kind: 'work',
    date: { year: 2025, month: 10, day: 13 },
    title: 'nanochat: a full-stack ChatGPT clone for about $100',
    label: 'nanochat',
    organisation: 'Open source',
    era: 'teaching',
    why: 'A full-stack ChatGPT clone, released on GitHub.',
    source: 'https://github.com/karpathy/nanochat',
  },
  {
    id: 'anthropic',
    kind: 'role',
    date: { year: 2026, month: 5, day: 19 },
    title: 'Joins Anthropic\'s pre-training team',
    label: 'Pre-training team',
    organisation: 'Anthropic',
    era: 'anthropic',
    why: 'To help launch a team using Claude to accelerate pre-training research.',
    source: AXIOS_HIRE,
  },
]
