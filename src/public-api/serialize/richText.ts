import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

import type { Story } from '../../payload-types'

const ALLOWED = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code', 'blockquote', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel', 'target'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    // A link out of the story never gets the opener, whatever the editor chose.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    h1: 'h2',
  },
}

/**
 * The story body (Lexical JSON) as HTML the website can insert as it is: Payload's converter,
 * then an allowlist (no scripts, styles, event attributes or `javascript:` links get through,
 * even from a pasted or imported body).
 */
export const bodyHtml = (body: Story['body']): string => {
  if (!body?.root) return ''
  const html = convertLexicalToHTML({ data: body as never, disableContainer: true })
  return sanitizeHtml(html, ALLOWED)
}
