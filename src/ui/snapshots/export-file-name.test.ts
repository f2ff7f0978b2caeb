import { describe, expect, it } from 'vitest';
import { exportFileError, suggestedExportFile } from './export-file-name';

describe('XVA export file name', () => {
  it('is suggested from the name, with characters no file system takes replaced', () => {
    expect(suggestedExportFile('before upgrade')).toBe('before upgrade.xva');
    expect(suggestedExportFile('web-01 2026/01/05 08:00')).toBe('web-01 2026_01_05 08_00.xva');
    expect(suggestedExportFile('  ')).toBe('export.xva');
  });

  it('must be a name ending in .xva, without folder separators', () => {
    expect(exportFileError('a.xva')).toBeUndefined();
    expect(exportFileError('A.XVA')).toBeUndefined();
    expect(exportFileError(' ')).toBe('Enter a file name.');
    expect(exportFileError('.xva')).toBe('Enter a file name.');
    expect(exportFileError('a/b.xva')).toMatch(/cannot contain/);
    expect(exportFileError('a.tar')).toBe('The file name must end in .xva.');
  });
});
