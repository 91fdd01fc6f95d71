// English texts of "Name outlets…" (the Arabic ones are in www/pkg-ar/messages.js).
import { messages } from '../i18n.js';

Object.assign(messages.en, {
  'outlets.title': 'Name the outlet of many files',
  'outlets.help': 'Pick files by folder or by a part of their names (* stands for any characters: {example}). Their articles then count under the outlet you name, here and after a reload; bundles keep it.',
  'outlets.pattern': 'Folder or part of the file names',
  'outlets.name': 'Outlet',
  'outlets.match': '{n:articles} in {files:files} match',
  'outlets.none': 'No file name matches.',
  'outlets.apply': 'Name the outlet',
  'outlets.done': 'The outlet of {n:articles} is now “{name}”.',
  'outlets.refused': '“{name}” names no outlet (a section or page label); nothing changed.',
  'outlets.failed': 'The outlets could not be named: {message}',
});
