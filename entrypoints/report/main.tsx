import '../../lib/platform/zod';
import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { ReportPage } from '../../lib/ui/report/ReportPage';
import '../../lib/ui/styles.css';

localizeDocument('reportDocumentTitle');
render(<ReportPage href={location.href} />, document.getElementById('app')!);
