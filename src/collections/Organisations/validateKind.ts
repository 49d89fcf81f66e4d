import type { Validate } from 'payload'

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
    ? `Organisationen har ${totalDocs} afdeling(er) og skal forblive en boligorganisation / It has departments and must stay a housing organisation`
    : true
}
