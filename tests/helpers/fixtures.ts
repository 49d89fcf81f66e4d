import type { Payload } from 'payload'

export const PASSWORD = 'correct-horse-battery-staple'

/** Organisations and one user per role, created through the Local API with access overridden. */
export const createPeople = async (payload: Payload) => {
  const housing = await payload.create({
    collection: 'organisations',
    data: { kind: 'housing-organisation', name: 'Testbolig', contactEmail: 'kontakt@testbolig.dk' },
  })
  const otherHousing = await payload.create({
    collection: 'organisations',
    data: { kind: 'housing-organisation', name: 'Anden Bolig' },
  })
  const company = await payload.create({
    collection: 'organisations',
    data: { kind: 'company', name: 'Testfirma ApS', cvr: '12345678' },
  })
  const user = (email: string, role: 'admin' | 'editor' | 'member', organisation?: number | string) =>
    payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, role, name: email.split('@')[0], organisation: organisation as number },
    })
  // The first user always becomes an administrator, so create the admin first.
  const admin = await user('admin@test.dk', 'admin')
  const editor = await user('editor@test.dk', 'editor')
  const member = await user('member@test.dk', 'member', housing.id)
  return { housing, otherHousing, company, admin, editor, member }
}
