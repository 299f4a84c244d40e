import '../../lib/platform/zod';
import { render } from 'preact';
import { startPage } from '../../lib/i18n/page';
import { ReportPage } from '../../lib/ui/report/ReportPage';
import '../../lib/ui/styles.css';

void startPage('reportDocumentTitle', () => render(<ReportPage href={location.href} />, document.getElementById('app')!));
