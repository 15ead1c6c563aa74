/** Messages of the pairing pages added with the versioned changes (editing a pairing). Merged in i18n.ts. */
export const pairingsMessages = {
  'pair.edit': ['修改', 'Edit'],
  'pair.editTitle': ['修改结对', 'Edit the pairing'],
  'pair.edited': ['已修改结对', 'Pairing saved'],
} satisfies Record<string, [string, string]>;
