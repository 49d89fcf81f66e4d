import { readEnv } from '../config/env'

/**
 * Realistic (Danish) examples for the OpenAPI document. Spectral checks every example against
 * its schema (the schemas are closed), so an example that drifts from the contract fails the
 * lint test. No e-mail address or private datum appears here: the document is public.
 */
export const openApiExamples = () => {
  const base = readEnv().publicUrl
  const clipId = '42'
  const poster = {
    url: `${base}/media/posters/${clipId}/cykelvaerksted-poster.jpg`,
    alt: 'Unge reparerer en cykel i kælderens værksted',
    width: 1280,
    height: 720,
    srcset: `${base}/media/posters/${clipId}/cykelvaerksted-poster-400x225.jpg 400w, ${base}/media/posters/${clipId}/cykelvaerksted-poster.jpg 1280w`,
  }
  const themes = [
    { key: 'skills-and-jobs', label: 'Personlig udvikling, færdigheder og job' },
    { key: 'sustainability', label: 'Bæredygtig omstilling' },
  ]
  const municipality = { code: '101', name: 'København' }
  const housing = { name: 'Boligselskabet Nørrebro', slug: 'boligselskabet-norrebro', kind: 'housing-organisation', logo: null }
  const company = { name: 'Cykelsmeden ApS', slug: 'cykelsmeden-aps', kind: 'company', logo: null }
  const organisations = [
    { ...housing, role: 'housing-organisation' },
    { ...company, role: 'company' },
  ]
  const storyCard = {
    id: '17',
    slug: 'cykelvaerksted-i-kaelderen',
    title: 'Cykelværksted i kælderen',
    summary: 'Unge fra afdelingen reparerer cykler sammen med mekanikere fra Cykelsmeden.',
    themes,
    municipality,
    organisations,
    poster,
    clipCount: 1,
    totalDuration: 94.5,
    publishedAt: '2026-03-01T10:00:00.000Z',
  }
  const initiatives = [
    {
      id: '6650f0c2a1',
      kind: 'job-training',
      kindLabel: 'Praktik og jobtræning',
      what: 'Fire ugers praktik i værkstedet for unge fra afdelingen',
      responsible: 'Cykelsmeden ApS',
      targets: [{ indicator: 'residents-in-jobs', label: 'Beboere i job eller praktik', unit: 'personer', target: 4 }],
    },
  ]
  const agreement = {
    id: '3',
    slug: 'cykelsmeden-og-boligselskabet-norrebro',
    title: 'Samarbejdsaftale om praktik i cykelværkstedet',
    purpose: 'Flere unge fra afdelingen i praktik og job',
    themes: [themes[0]],
    municipality,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    status: 'active',
    parties: organisations,
    initiatives,
    reviews: [
      {
        year: 2025,
        heldOn: '2025-12-10',
        decision: 'continue',
        results: [
          {
            initiativeId: '6650f0c2a1',
            initiative: 'Fire ugers praktik i værkstedet for unge fra afdelingen',
            figures: [{ indicator: 'residents-in-jobs', label: 'Beboere i job eller praktik', unit: 'personer', target: 4, achieved: 3 }],
          },
        ],
      },
    ],
    stories: [{ slug: storyCard.slug, title: storyCard.title }],
  }
  const storyDetail = {
    ...storyCard,
    bodyHtml: '<p>Hver onsdag mødes unge fra afdelingen i kælderen og reparerer cykler.</p>',
    heroImage: null,
    initiatives: [{ kind: 'job-training', label: 'Praktik og jobtræning', description: 'Praktik i værkstedet' }],
    outcomes: [{ label: 'Unge i job', value: 3, unit: 'personer' }],
    period: { start: '2025-01-01T00:00:00.000Z', end: null },
    clips: [
      {
        id: clipId,
        title: 'Værkstedet om morgenen',
        duration: 94.5,
        width: 1280,
        height: 720,
        poster,
        hlsUrl: `${base}/media/clips/${clipId}/hls/master.m3u8`,
        renditions: [
          { label: '720p', url: `${base}/media/clips/${clipId}/720p.mp4`, width: 1280, height: 720, bitrate: 2_500_000, mimeType: 'video/mp4', size: 29_531_250 },
          { label: '360p', url: `${base}/media/clips/${clipId}/360p.mp4`, width: 640, height: 360, bitrate: 800_000, mimeType: 'video/mp4', size: 9_450_000 },
        ],
        captions: [{ language: 'da', label: 'Dansk', url: `${base}/media/clips/${clipId}/captions/da.vtt` }],
      },
    ],
    agreements: [agreement],
  }
  const countsBy = (total: number) => ({
    total,
    byTheme: [
      { key: 'safety', label: 'Tryghed', count: 0 },
      { key: 'skills-and-jobs', label: 'Personlig udvikling, færdigheder og job', count: total },
      { key: 'sustainability', label: 'Bæredygtig omstilling', count: total },
      { key: 'health', label: 'Mental og fysisk sundhed', count: 0 },
      { key: 'community', label: 'Naboskab og fællesskab', count: 0 },
    ],
    byMunicipality: [{ code: '101', name: 'København', count: total }],
  })
  return {
    storyList: { items: [storyCard], page: 1, limit: 12, totalItems: 1, totalPages: 1 },
    storyDetail,
    organisation: {
      ...housing,
      id: '5',
      municipality,
      postcode: '2200',
      website: 'https://www.boligselskabet-norrebro.dk',
      description: 'Almen boligorganisation med 1.200 boliger på Nørrebro.',
      bCorp: false,
      parent: null,
      stories: [{ slug: storyCard.slug, title: storyCard.title, publishedAt: storyCard.publishedAt }],
    },
    impact: {
      stories: countsBy(1),
      agreements: { ...countsBy(1), items: [agreement] },
      indicators: [
        { key: 'residents-in-jobs', label: 'Beboere i job eller praktik', unit: 'personer', total: 6, agreements: 1, stories: 1 },
        { key: 'items-repaired', label: 'Ting repareret eller upcyclet', unit: 'stk.', total: 0, agreements: 0, stories: 0 },
      ],
    },
    themes: {
      items: [
        { key: 'safety', label: 'Tryghed', storyCount: 2 },
        { key: 'skills-and-jobs', label: 'Personlig udvikling, færdigheder og job', storyCount: 7 },
        { key: 'sustainability', label: 'Bæredygtig omstilling', storyCount: 4 },
        { key: 'health', label: 'Mental og fysisk sundhed', storyCount: 1 },
        { key: 'community', label: 'Naboskab og fællesskab', storyCount: 5 },
      ],
    },
    currentCall: {
      slug: 'indkaldelse-foraar-2026',
      title: 'Del jeres historie: foråret 2026',
      description: 'Fortæl om et samarbejde mellem en boligafdeling og en lokal virksomhed.',
      status: 'open',
      opensAt: '2026-03-01T08:00:00.000Z',
      deadline: '2026-05-24T21:59:00.000Z',
      deadlineLocal: '24. maj 2026 kl. 23.59',
      contact: { name: 'Sekretariatet for Business2Community' },
      allowVideo: true,
      videoMaxMegabytes: 500,
      videoMaxMinutes: 5,
    },
    receipt: { id: '128', receivedAt: '2026-04-02T09:14:03.000Z', call: 'indkaldelse-foraar-2026' },
    jsonFeed: {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Business2Community – historier',
      home_page_url: `${base}/`,
      feed_url: `${base}/feed/stories.json`,
      language: 'da',
      items: [
        {
          id: `${base}/historier/${storyCard.slug}`,
          url: `${base}/historier/${storyCard.slug}`,
          title: storyCard.title,
          summary: storyCard.summary,
          content_html: storyDetail.bodyHtml,
          image: poster.url,
          date_published: storyCard.publishedAt,
          tags: ['Personlig udvikling, færdigheder og job', 'Bæredygtig omstilling'],
          attachments: [{ url: storyDetail.clips[0].renditions[0].url, mime_type: 'video/mp4', size_in_bytes: 29_531_250, duration_in_seconds: 95 }],
        },
      ],
    },
    oembed: {
      version: '1.0',
      type: 'video',
      title: storyCard.title,
      provider_name: 'Business2Community',
      provider_url: `${base}/`,
      author_name: housing.name,
      author_url: `${base}/organisationer/${housing.slug}`,
      html: `<iframe src="${base}/embed/${storyCard.slug}" width="640" height="360" title="${storyCard.title}" loading="lazy" allow="fullscreen; picture-in-picture" allowfullscreen style="border:0"></iframe>`,
      width: 640,
      height: 360,
      thumbnail_url: poster.url,
      thumbnail_width: 1280,
      thumbnail_height: 720,
      cache_age: 3600,
    },
    notFound: { error: { code: 'not_found', message: 'Ingen udgivet historie med dette slug' } },
    invalidParameter: { error: { code: 'invalid_parameter', message: 'Ugyldig værdi for "limit": skal være mellem 1 og 50' } },
    validationFailed: {
      error: { code: 'validation_failed', message: 'Nogle felter skal rettes', fields: { title: 'Skriv en titel', themes: 'Vælg mindst ét tema' } },
    },
    storySlug: storyCard.slug,
    organisationSlug: housing.slug,
    storyUrl: `${base}/historier/${storyCard.slug}`,
    uploadId: '9b2f6c1e4d7a48f0b3e5a1c2d8f70e64',
  }
}
