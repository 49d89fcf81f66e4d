/**
 * Builds Lexical rich text (the editor's JSON) from plain paragraphs, for seed data and for
 * stories created from submissions.
 */
export type LexicalState = {
  root: {
    type: 'root'
    children: LexicalParagraph[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

type LexicalParagraph = {
  type: 'paragraph'
  children: { type: 'text'; text: string; detail: 0; format: 0; mode: 'normal'; style: ''; version: 1 }[]
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  version: 1
}

export const paragraphs = (...texts: string[]): LexicalState => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: texts.map((text) => ({
      type: 'paragraph',
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      version: 1,
      children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
    })),
  },
})
