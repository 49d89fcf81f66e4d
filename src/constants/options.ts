/** Turns our bilingual constant lists into Payload select options. */
export const toOptions = (
  items: readonly { key: string; label: { da: string; en: string } }[],
): { label: { da: string; en: string }; value: string }[] =>
  items.map(({ key, label }) => ({ label: { da: label.da, en: label.en }, value: key }))
