import '../../lib/platform/zod';
import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { GuidePage } from '../../lib/ui/GuidePage';
import '../../lib/ui/styles.css';

localizeDocument('guideDocumentTitle');
render(<GuidePage hash={location.hash} />, document.getElementById('app')!);
