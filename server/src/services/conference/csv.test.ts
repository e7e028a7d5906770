import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes and CRLF', () => {
    const rows = parseCsv(
      '\uFEFFname,parliament\r\n"Doe, Jane","Say ""hi""\nthere"\r\nAmal,Oman\r\n',
    );
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'parliament'] },
      { line: 2, cells: ['Doe, Jane', 'Say "hi"\nthere'] },
      { line: 4, cells: ['Amal', 'Oman'] },
    ]);
  });

  it('accepts semicolons and skips blank lines', () => {
    expect(parseCsv('a;b\n\n1;2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n"open,2')).toThrow(CsvError);
  });
});
