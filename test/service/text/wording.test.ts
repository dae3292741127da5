/**
 * Money and counts as a coder reads them (lenses, the outline, messages,
 * claim-lint's summary), from the one module that words them.
 */
import * as assert from 'node:assert/strict';
import { codeRanges, counted, money, nounFor } from '../../../server/src/service/text/wording';

describe('wording', () => {
  describe('money', () => {
    it('writes dollars with thousands commas and cents', () => {
      assert.equal(money(0), '$0.00');
      assert.equal(money(5), '$5.00');
      assert.equal(money(350.5), '$350.50');
      assert.equal(money(1200), '$1,200.00');
      assert.equal(money(1234567.891), '$1,234,567.89');
    });

    it('puts the sign before the dollar sign', () => {
      assert.equal(money(-5.5), '-$5.50');
      assert.equal(money(-1200), '-$1,200.00');
    });
  });

  describe('counted', () => {
    it('gives the noun alone for exactly 1, else its plural', () => {
      assert.equal(counted(0, 'line'), '0 lines');
      assert.equal(counted(1, 'line'), '1 line');
      assert.equal(counted(2, 'service line'), '2 service lines');
    });

    it('takes a plural that is not the noun plus s', () => {
      assert.equal(counted(1, 'diagnosis', 'diagnoses'), '1 diagnosis');
      assert.equal(counted(3, 'diagnosis', 'diagnoses'), '3 diagnoses');
    });

    it('shows a count read as text as written, singular only when written 1', () => {
      assert.equal(counted('1', 'unit'), '1 unit');
      assert.equal(counted('01', 'unit'), '01 units');
      assert.equal(counted('1.5', 'unit'), '1.5 units');
    });
  });

  describe('nounFor', () => {
    it('gives the noun for a count without the count', () => {
      assert.equal(nounFor(1, 'lesion'), 'lesion');
      assert.equal(nounFor(2, 'lesion'), 'lesions');
      assert.equal(nounFor(2, 'diagnosis', 'diagnoses'), 'diagnoses');
    });
  });

  describe('codeRanges', () => {
    it('joins runs of three or more consecutive codes, and lists shorter runs', () => {
      assert.equal(codeRanges(['19081', '19082', '19083', '19084', '19085', '19086']), '19081-19086');
      assert.equal(codeRanges(['19281', '19282']), '19281, 19282');
      assert.equal(codeRanges(['19302', '38570', '38571', '38572', '38740']), '19302, 38570-38572, 38740');
      assert.equal(codeRanges([]), '');
    });

    it('lists codes that are not all digits, and runs broken by order, as given', () => {
      assert.equal(codeRanges(['G0279', 'G0280', 'G0281']), 'G0279, G0280, G0281');
      assert.equal(codeRanges(['19083', '19082', '19081']), '19083, 19082, 19081');
    });
  });
});
