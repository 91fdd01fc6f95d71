// English texts of sharing a part of the corpus as a bundle (Arabic: www/pkg-ar/messages.js).
import { messages } from '../i18n.js';

Object.assign(messages.en, {
  'share.selectionTitle': 'Only some articles, as a bundle',
  'share.selectionHint': 'A file holding only these articles (with their files), for a colleague to import with Corpus → Import a bundle…',
  'share.bundleResults': 'Bundle of the current results ({n:articles})',
  'share.bundleOpen': 'Bundle of the open article',
  'share.bundleMaking': 'Making the bundle…',
  'share.bundleReady': 'Ready: {n:articles}, {size} KB.',
  'share.bundleSave': 'Save the bundle',
  'share.bundleFailed': 'The bundle could not be made: {message}',
});
