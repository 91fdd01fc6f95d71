// English texts of "How to search" (the Arabic ones are in www/pkg-ar/messages.js).
import { messages } from '../i18n.js';

Object.assign(messages.en, {
  'help.title': 'How to search',
  'help.words': 'Articles with all the words, in any spelling variant.',
  'help.phrase': 'The words next to each other, in this order.',
  'help.or': 'Either word: OR in capitals, or a bar (a lower-case “or” is a word).',
  'help.not': 'The first without the second: a minus sign or NOT.',
  'help.group': 'Brackets group a part of the query.',
  'help.prefix': 'Words starting so (at least two letters).',
  'help.exact': 'Only this written form (hamza, vowels and accents count).',
  'help.fuzzy': 'Words within one typo; ~1 or ~2 says how many.',
  'help.regex': 'A regular expression over the original text (write Arabic letters out).',
  'help.headline': 'Only in headlines.',
  'help.filters': 'By language, by outlet or agency, by file name (dates: the From and To fields).',
  'help.more': 'Press an example to run it. Operators are in capitals.',
});
