import { forceImports, FORCE_IMPORT_KINDS, imports as c } from '../../shared/contracts/imports.ts';
import {
  errorReportFile,
  householdTemplateFile,
  importProgress,
  rowTemplateFile,
} from '../../core/modules/imports/downloads.ts';
import { FORCE_IMPORTS } from '../../core/modules/imports/forces/index.ts';
import { MAX_UPLOAD_BYTES, uploadHouseholds, uploadRows } from '../../core/modules/imports/upload.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/**
 * Household import (template, upload with dry-run/commit, progress, error report); the help-force imports
 * (cadres, stations, pairings) through the same upload, progress and report. `maxBytes`: the upload size limit.
 */
export const importBindings = ({ database: { db } }: Deps, opts: { maxBytes?: number } = {}) => {
  const upload = { maxBytes: opts.maxBytes ?? MAX_UPLOAD_BYTES };
  return [
    bind(c.householdTemplate, (_, { scope }) => householdTemplateFile(db, scope)),
    bind(c.households, ({ query }, { scope, req }) => uploadHouseholds(db, scope, req, query, upload)),
    ...FORCE_IMPORT_KINDS.flatMap((name) => [
      bind(forceImports[name].template, (_, { scope }) => rowTemplateFile(db, scope, FORCE_IMPORTS[name])),
      bind(forceImports[name].upload, ({ query }, { scope, req }) =>
        uploadRows(db, scope, FORCE_IMPORTS[name], req, query, upload),
      ),
    ]),
    bind(c.progress, ({ params }, { scope }) => importProgress(scope.actor, params.id)),
    bind(c.report, ({ params }, { scope }) => errorReportFile(scope.actor, params.id)),
  ];
};
