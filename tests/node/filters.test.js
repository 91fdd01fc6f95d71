// The sources filter as the view keeps it: several names in the one "src" value of a link,
// and the single names of older links read unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSources, joinSources } from '../../www/views/filters.js';

test('several sources join into one value and split back', () => {
  assert.equal(joinSources(['Reuters', 'AFP']), 'AFP,Reuters');
  assert.equal(joinSources([]), '');
  for (const names of [['AFP'], ['AFP', 'Reuters'], ['a,b', 'c\\d', 'بلدي نيوز'], ['Reuters, Inc', 'AP']]) {
    assert.deepEqual(splitSources(joinSources(names)), [...names].sort());
  }
});

test('older single-source values still name one source', () => {
  assert.deepEqual(splitSources('AFP'), ['AFP']);
  assert.deepEqual(splitSources('Reuters, Inc'), ['Reuters, Inc']);
  assert.deepEqual(splitSources('بلدي نيوز، حلب'), ['بلدي نيوز، حلب']);
  assert.deepEqual(splitSources(''), []);
  assert.deepEqual(splitSources(undefined), []);
  assert.deepEqual(splitSources('AFP,,AFP,'), ['AFP']);
});
