import type { Validate } from 'payload'
import { inLanguageOf } from '../../auth/messages'

/**
 * A housing organisation with departments cannot become another kind: its departments would
 * be left under a company or a network.
 */
export const validateKind: Validate = async (value, { req, id, operation }) => {
  if (operation !== 'update' || id === undefined || value === 'housing-organisation') return true
  const { totalDocs } = await req.payload.count({
    collection: 'organisations',
    where: { parent: { equals: id } },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
    ? inLanguageOf(req, {
        da: `Organisationen har ${totalDocs} afdeling(er) og skal forblive en boligorganisation`,
        en: `The organisation has ${totalDocs} department(s) and must stay a housing organisation`,
      })
    : true
}
