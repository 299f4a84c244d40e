import '../../lib/platform/zod';
import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { OptionsPage } from '../../lib/ui/options/OptionsPage';
import '../../lib/ui/styles.css';

localizeDocument('optionsDocumentTitle');
render(<OptionsPage />, document.getElementById('app')!);
