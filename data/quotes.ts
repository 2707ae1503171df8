// Words the deck quotes that are not the essay's, each verbatim as its source gives it. A
// quotation on a slide or in the notes must be found in the essay or here (tests/browser/claims).

export interface Quotation {
  id: string
  /** Verbatim, as the source prints it. */
  text: string
  /** Who said or wrote it, and where. */
  by: string
  /** The page that prints it. */
  source: string
}

export const AXIOS_HIRE = 'https://axios.com/2026/05/19/anthropic-openai-karpathy-andrej-claude'
export const NICK_JOSEPH_X = 'https://x.com/nickevanjoseph'
export const GIZMODO_LEAVES = 'https://gizmodo.com.au/2024/02/founding-openai-member-andrej-karpathy-leaves-company/'

export const quotations: Quotation[] = [
  {
    id: 'karpathy-joining',
    text: 'I think the next few years at the frontier of LLMs will be especially formative. I am very excited to join the team here and get back to R&D.',
    by: 'Andrej Karpathy, his post on joining Anthropic, quoted by Axios, May 19, 2026',
    source: AXIOS_HIRE,
  },
  {
    id: 'karpathy-education',
    text: 'deeply passionate about education',
    by: 'Andrej Karpathy, the same post, as Axios reports it',
    source: AXIOS_HIRE,
  },
  {
    id: 'axios-mandate',
    text: 'will help launch a new team focused on using Claude itself to accelerate pretraining research',
    by: 'Axios, May 19, 2026',
    source: AXIOS_HIRE,
  },
  {
    id: 'nick-joseph-welcome',
    text: 'Excited to welcome Andrej to the Pretraining team! He\'ll be building a team focused on using Claude to accelerate pretraining research itself.',
    by: 'Nick Joseph, Anthropic\'s Head of Pre-training, on X, the same week',
    source: NICK_JOSEPH_X,
  },
  {
    id: 'karpathy-left-openai',
    text: 'I left OpenAI yesterday',
    by: 'Andrej Karpathy, Feb 14, 2024, as Gizmodo reports it',
    source: GIZMODO_LEAVES,
  },
]
