import type { AuditDictionary } from './ko';

export const auditEn: AuditDictionary = {
  audit: {
    title: 'Audit log',
    hint: 'Sign-ins, settings, staff and roles, API keys, downloads and bulk jobs. Nothing here is deleted.',
    group: 'Kind',
    staff: 'Staff',
    columns: { when: 'When', who: 'Who', what: 'What', subject: 'Subject', from: 'From', details: 'Details' },
    system: 'System',
  },
  access: {
    title: 'Personal data access log',
    hint: 'Every read of unmasked personal data: order details, 보기 in the list, downloads and prints, API reads. Nothing here is deleted.',
    purpose: 'Purpose',
    actor: 'Who',
    orderNumber: 'Order number',
    columns: { when: 'When', who: 'Who', purpose: 'Purpose', orders: 'Orders', fields: 'Fields', reason: 'Reason', from: 'From' },
    download: 'Download Excel',
    api: 'API key',
    more: (n: number) => `+${n} more`,
  },
  all: 'All',
  from: 'From',
  to: 'To',
  apply: 'Search',
  more: 'More',
  empty: 'Nothing recorded.',
};
