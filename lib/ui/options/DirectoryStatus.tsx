/** The directory of publishers in force, on the options page: what it is, its version, its last update. */
import { formatDate, formatDateTime, formatNumber, t } from '../../i18n';
import type { DirectoryView } from '../../messaging';

export function DirectoryStatus({ directory }: { directory: DirectoryView | null }) {
  return (
    <section aria-labelledby="directory-heading" class="directory" data-testid="directory">
      <h3 id="directory-heading">{t('trustDirectoryHeading')}</h3>
      <p>{t('trustDirectoryIntro')}</p>
      {directory && (
        <dl>
          <dt>{t('optionsVersionLabel')}</dt>
          <dd data-field="directory-version">{directory.version}</dd>
          <dt>{t('trustDirectoryPublishersLabel')}</dt>
          <dd data-field="directory-publishers">{formatNumber(directory.publishers)}</dd>
          <dt>{t('trustDirectoryRevokedLabel')}</dt>
          <dd data-field="directory-revoked">{formatNumber(directory.revoked)}</dd>
          <dt>{t('optionsLastUpdateLabel')}</dt>
          <dd>
            {directory.lastSuccess
              ? formatDateTime(directory.lastSuccess)
              : directory.updates
                ? t('optionsNever')
                : t('trustDirectoryWithExtension', formatDate(directory.expires))}
          </dd>
          {directory.lastError && (
            <>
              <dt>{t('optionsLastErrorLabel')}</dt>
              <dd data-field="directory-error">{t('optionsErrorText', formatDateTime(directory.lastError.at), directory.lastError.message)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
