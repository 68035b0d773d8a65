import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import type { ReportName } from '../domain/report-definitions.js';
import type { ReportDto } from '../dto/report.dto.js';
import type { ReportExportQueryDto } from '../dto/report-query.dto.js';
import { ReportsService } from './reports.service.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** What a withheld cell reads as in a file: never a number, never blank (a blank could be read as zero). */
const WITHHELD = '<k';

/**
 * CSV and XLSX of a dashboard: the very cells the dashboard publishes (same cube, same suppression), as a table.
 * Every export is audited (who, which dashboard, which filters, which format) before the file leaves.
 */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, name: ReportName, query: ReportExportQueryDto): Promise<ExportFile> {
    const format = query.format ?? 'csv';
    const { format: _format, lang, ...filters } = query;
    void _format;
    const report = await this.reports.build(actor, name, filters);
    const table = toTable(report, lang);
    const body = format === 'csv' ? toCsv(table) : await toXlsx(report, table);
    await this.audit.recordRead(actor, {
      action: 'report.export',
      resourceType: 'report',
      resourceId: name,
      detail: { format, unitId: report.unitId, year: report.year, breakdown: report.breakdown, filters: report.filters },
    });
    const filename = `xingang-${name}-${report.year}.${format}`;
    const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { filename, contentType, body };
  }
}

/**
 * Header row (the page's headers: the breakdown label and the column labels, in the page's language, or Chinese then
 * English), then one row per breakdown value and the total, in the page's order.
 */
export function toTable(report: ReportDto, lang?: 'zh-CN' | 'en'): (string | number)[][] {
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : lang === 'zh-CN' || l.zh === l.en ? l.zh : `${l.zh} ${l.en}`);
  const header = [label(report.breakdownLabel), ...report.columns.map((c) => label(c.label))];
  const line = (row: ReportDto['total']) => [lang === 'en' ? row.label.en : row.label.zh, ...report.columns.map((c) => (row.cells[c.code].suppressed ? WITHHELD : (row.cells[c.code].count ?? WITHHELD)))];
  return [header, ...report.rows.map(line), line(report.total)];
}

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function toCsv(table: (string | number)[][]): Buffer {
  const cell = (value: string | number) => {
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  // A byte-order mark, so spreadsheet programs read the Chinese labels as UTF-8.
  return Buffer.from(`\uFEFF${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function toXlsx(report: ReportDto, table: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet(report.report);
  sheet.addRow([`${report.title.zh} / ${report.title.en}`]);
  sheet.addRow([`${report.year}`, `k = ${report.minCellSize}`, ...Object.entries(report.filters).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`)]);
  for (const row of table) sheet.addRow(row);
  for (const note of report.notes) sheet.addRow([note.zh]).font = { italic: true };
  for (const note of report.notes) sheet.addRow([note.en]).font = { italic: true };
  sheet.getRow(3).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
