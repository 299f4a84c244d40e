import '../../lib/platform/zod';
import { render } from 'preact';
import { startPage } from '../../lib/i18n/page';
import { GuidePage } from '../../lib/ui/GuidePage';
import '../../lib/ui/styles.css';

void startPage('guideDocumentTitle', () => render(<GuidePage hash={location.hash} />, document.getElementById('app')!));
