import type { CollectionConfig, PayloadRequest } from 'payload'

import { adminField, adminsOnly } from '../../access'
import { readEnv } from '../../config/env'
import { ROLES } from '../../constants/roles'
import { toOptions } from '../../constants/options'
import { selfOrAdmin } from './access/selfOrAdmin'
import { forgotPasswordOnlyQuietly, quietForgotPassword } from './endpoints/forgotPassword'
import { passwordPolicyOnReset, passwordPolicyOnSave } from './hooks/enforcePasswordPolicy'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { forgiveSuccessfulLogin, guardLogin } from './hooks/guardLogin'
import { resetPasswordMail } from './resetPasswordMail'
import { inLanguageOf } from '../../auth/messages'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { da: 'Bruger', en: 'User' }, plural: { da: 'Brugere', en: 'Users' } },
  auth: {
    // Sent only over https when the site is https; Lax keeps it off cross-site subrequests.
    cookies: { secure: readEnv().publicUrl.startsWith('https:'), sameSite: 'Lax' },
    forgotPassword: resetPasswordMail,
    // No lock per account: anyone could lock the administrator out with five wrong passwords.
    // guardLogin throttles per account and address instead.
    maxLoginAttempts: 0,
  },
  endpoints: [quietForgotPassword],
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role', 'organisation'],
    group: { da: 'Administration', en: 'Administration' },
  },
  access: {
    // Only administrators manage users and roles (SPEC §1); everyone may read themselves.
    admin: ({ req }) => Boolean(req.user),
    create: adminsOnly,
    read: selfOrAdmin,
    update: selfOrAdmin,
    delete: adminsOnly,
    unlock: adminsOnly,
  },
  hooks: {
    beforeOperation: [guardLogin, passwordPolicyOnReset, forgotPasswordOnlyQuietly],
    beforeValidate: [passwordPolicyOnSave, firstUserIsAdmin],
    afterLogin: [forgiveSuccessfulLogin],
  },
  fields: [
    { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' } },
    {
      name: 'role',
      type: 'select',
      label: { da: 'Rolle', en: 'Role' },
      required: true,
      defaultValue: 'member',
      options: toOptions(ROLES),
      saveToJWT: true,
      // A user may edit their own name and password, never their own role.
      access: { create: adminField, update: adminField },
    },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      label: { da: 'Organisation', en: 'Organisation' },
      saveToJWT: true,
      admin: {
        condition: (data) => data?.role === 'member',
        description: {
          da: 'Et medlem ser sin egen organisations indsendelser.',
          en: 'A member sees its own organisation’s submissions.',
        },
      },
      access: { create: adminField, update: adminField },
      // A member without an organisation could see nothing: refuse it with a clear message.
      validate: (value: unknown, { siblingData, req }: { siblingData: { role?: string }; req: PayloadRequest }) =>
        siblingData?.role === 'member' && !value
          ? inLanguageOf(req, { da: 'Et medlem skal høre til en organisation', en: 'A member must belong to an organisation' })
          : true,
    },
    {
      name: 'reviewReminders',
      type: 'checkbox',
      defaultValue: true,
      label: { da: 'Påmindelser om årlige gennemgange', en: 'Yearly review reminders' },
      admin: {
        description: {
          da: 'Mails før og efter en samarbejdsaftales årlige gennemgang. Slå fra for ikke at få dem.',
          en: 'Mails before and after a collaboration agreement’s yearly review. Turn off to stop them.',
        },
      },
    },
  ],
}
