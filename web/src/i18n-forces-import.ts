/** Messages of the help-force imports on the import page (cadres, stations, pairings). Merged in i18n.ts. */
export const forcesImportMessages = {
  'fimp.kind': ['导入内容', 'What to import'],
  'fimp.kind.households': ['建档立卡户', 'Households'],
  'fimp.kind.cadres': ['干部信息', 'Cadres'],
  'fimp.kind.stations': ['驻村任职', 'Stationing'],
  'fimp.kind.pairings': ['结对帮扶', 'Pairings'],
  'fimp.title.cadres': ['干部信息导入', 'Import cadres'],
  'fimp.title.stations': ['驻村任职导入', 'Import stationing assignments'],
  'fimp.title.pairings': ['结对帮扶导入', 'Import pairings'],
  'fimp.hint.cadres': [
    '按模板填写：每行一名干部。再次导入同一身份证号会更新该干部，不会重复登记。',
    'One cadre per row. Importing the same ID number again updates the cadre.',
  ],
  'fimp.hint.stations': [
    '按模板填写：每行一条驻村任职或包联。干部须先登记（可先导入干部信息）。',
    'One assignment per row. Register the cadres first (import them, for example).',
  ],
  'fimp.hint.pairings': [
    '按模板填写：每行一对结对帮扶关系，按“类型”填写相应的列（见模板中的填写说明）。',
    'One pairing per row; fill in the columns its kind needs (see the notes in the template).',
  ],
  'fimp.policy': [
    '每行单独校验：通过的行导入，有问题的行不导入，并列出行号、列和问题。',
    'Rows are independent: valid rows are imported, rows with problems are not and are listed.',
  ],
  'fimp.wouldImport': ['可导入（行）', 'Can be imported (rows)'],
  'fimp.imported': ['已导入（行）', 'Imported (rows)'],
  'fimp.created': ['新增', 'Created'],
  'fimp.updated': ['更新', 'Updated'],
  'fimp.unchanged': ['已存在', 'Already there'],
  'fimp.rejected': ['有误未导入（行）', 'Rejected (rows)'],
  'fimp.key.cadres': ['干部', 'Cadre'],
  'fimp.key.stations': ['干部', 'Cadre'],
  'fimp.key.pairings': ['结对', 'Pairing'],
} satisfies Record<string, [string, string]>;
