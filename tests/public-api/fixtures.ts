import type { Payload } from 'payload'

import type { Clip, Story } from '../../src/payload-types'
import { paragraphs } from '../../src/lib/lexical'
import { uploadAndProcess } from '../helpers/clips'
import { createPeople } from '../helpers/fixtures'
import { makeTestVideo } from '../helpers/media'
import { publishStory } from '../helpers/stories'
import { createCall } from '../helpers/submissions'

export const CONSENT = { confirmed: true, records: [{ person: 'Beboer i opgang 3', role: 'resident', givenAt: '2026-01-01', scope: ['web'] }] }

/** Secrets that must never appear in a public response or feed (SPEC §6, §7). */
export const PRIVATE_MARKERS = {
  orgEmail: 'kontakt@testbolig.dk',
  submitterEmail: 'hemmelig.indsender@example.dk',
  submitterPhone: '87654321',
  submissionTitle: 'Indsendelse der ikke er offentlig',
  editorNote: 'Intern note om besøget',
  draftTitle: 'Kladde der ikke er udgivet',
  consentPerson: 'Beboer i opgang 3',
  hiddenClipTitle: 'Klip uden samtykke',
}

/**
 * A small published catalogue on real processed clips: two published stories (one with a
 * public clip with captions, one with a clip that has no consent), a draft, a submission with
 * private data, and an open call.
 */
export const buildCatalogue = async (payload: Payload) => {
  const people = await createPeople(payload)
  const company2 = await payload.create({ collection: 'organisations', data: { kind: 'company', name: 'Grøn Genbrug A/S', cvr: '11223344', municipality: '751' } })

  const publicClip = await uploadAndProcess(payload, await makeTestVideo('offentlig.mp4', 2), 'Værkstedet om morgenen')
  await payload.update({
    collection: 'clips',
    id: publicClip.id,
    data: { consent: CONSENT, captions: [{ language: 'da', vtt: 'WEBVTT\n\n00:00.000 --> 00:01.500\nGod morgen fra værkstedet\n' }] } as never,
  })
  // Consented when the story was published, then taken back: it must vanish from every answer.
  const hiddenClip = await uploadAndProcess(payload, await makeTestVideo('skjult.mp4', 1), PRIVATE_MARKERS.hiddenClipTitle)
  await payload.update({ collection: 'clips', id: hiddenClip.id, data: { consent: { ...CONSENT, records: [{ ...CONSENT.records[0], person: 'Anden beboer' }] } } as never })

  const bike = await publishStory(payload, {
    housing: people.housing.id,
    company: people.company.id,
    title: 'Cykelværksted i kælderen',
    slug: 'cykelvaerksted-i-kaelderen',
    summary: 'Unge reparerer cykler sammen med mekanikere.',
    themes: ['skills-and-jobs', 'sustainability'],
    municipality: '101',
    clips: [publicClip.id, hiddenClip.id],
    body: {
      root: {
        ...paragraphs('Hver onsdag <script>alert(1)</script> mødes de.').root,
        children: [
          ...paragraphs('Hver onsdag <script>alert(1)</script> mødes de.').root.children,
          {
            type: 'paragraph', direction: 'ltr', format: '', indent: 0, textFormat: 0, version: 1,
            children: [
              {
                type: 'link', version: 3, direction: 'ltr', format: '', indent: 0,
                fields: { linkType: 'custom', url: 'javascript:alert(2)', newTab: false },
                children: [{ type: 'text', text: 'farligt link', detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
              },
            ],
          },
        ],
      },
    },
    initiatives: [{ kind: 'job-training', description: 'Praktik i værkstedet' }],
    outcomes: [{ label: 'Unge i job', value: 3, unit: 'personer' }],
    publishedAt: '2026-03-01T10:00:00.000Z',
  })
  await payload.update({ collection: 'stories', id: bike.id, locale: 'en', data: { title: 'Bike workshop in the basement', summary: 'Young people repair bikes with mechanics.' } as never })
  await payload.update({ collection: 'clips', id: hiddenClip.id, data: { consent: { confirmed: false, records: [] } } as never })

  const garden = await publishStory(payload, {
    housing: people.otherHousing.id,
    company: company2.id,
    title: 'Fælleshave med genbrugsplast',
    slug: 'faelleshave-med-genbrugsplast',
    summary: 'Højbede af genbrugsplast samler naboerne.',
    themes: ['community'],
    municipality: '751',
    publishedAt: '2026-04-01T10:00:00.000Z',
  })
  const draft = (await payload.create({
    collection: 'stories',
    draft: true,
    data: { title: PRIVATE_MARKERS.draftTitle, slug: 'kladde', summary: 'Ikke udgivet.', _status: 'draft' } as never,
  })) as Story

  const call = await createCall(payload, { title: 'Åben indkaldelse', slug: 'aaben-indkaldelse' } as never)
  await payload.create({
    collection: 'submissions',
    data: {
      call: call.id,
      organisationName: 'Testbolig',
      organisationKind: 'housing-organisation',
      organisation: people.housing.id,
      contactName: 'Hemmelig Indsender',
      contactEmail: PRIVATE_MARKERS.submitterEmail,
      contactPhone: PRIVATE_MARKERS.submitterPhone,
      partnerCompanyName: 'Testfirma ApS',
      themes: ['safety'],
      title: PRIVATE_MARKERS.submissionTitle,
      description: 'Privat beskrivelse.',
      privacyAccepted: true,
      editorNotes: PRIVATE_MARKERS.editorNote,
    } as never,
  })
  return {
    people,
    company2,
    publicClip: (await payload.findByID({ collection: 'clips', id: publicClip.id, depth: 0 })) as Clip,
    hiddenClip,
    bike,
    garden,
    draft,
    call,
  }
}
