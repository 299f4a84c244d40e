import '../../lib/platform/zod';
import { render } from 'preact';
import { startPage } from '../../lib/i18n/page';
import { FrameNotice, WarningPage } from '../../lib/ui';
import '../../lib/ui/styles.css';

// Inside a frame (a page framed a listed site), only the short explanation, with nothing to click:
// a framing page could trick a click on "Proceed anyway" (lib/ui/FrameNotice.tsx).
const app = document.getElementById('app')!;
if (window.top === window) void startPage('warningDocumentTitle', () => render(<WarningPage href={location.href} />, app));
else void startPage('frameBlockedHeading', () => render(<FrameNotice href={location.href} />, app));
