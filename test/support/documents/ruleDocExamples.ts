/**
 * The examples of the rule pages (`docs/rules/<id>.md`): the first fenced
 * block under a heading, and an 837 claim loop put inside an envelope so it
 * can be checked. Read by the rule-page tests and the quick-fix property.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../repoRoot';

const rulesDir = path.join(repoRoot(), 'docs', 'rules');

export function page(id: string): string {
  return fs.readFileSync(path.join(rulesDir, `${id}.md`), 'utf8');
}

export interface Example {
  language: string;
  text: string;
}

/** The first fenced block after a page's `## <heading>`. */
export function example(id: string, heading: string): Example {
  const match = new RegExp(`^## ${heading}\\n\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\`$`, 'm').exec(page(id));
  assert.ok(match?.[1] !== undefined && match[2] !== undefined, `${id}.md has no code block under '## ${heading}'`);
  return { language: match[1], text: match[2] };
}

/**
 * An 837P example that starts at CLM is the claim loop only (the pages say so):
 * it is checked inside an envelope and HL loops, with SE01 counted.
 */
export function x12Text(loop: string): string {
  const head = [
    'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~',
    'GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*1*X*005010X222A1~',
    'ST*837*0001*005010X222A1~',
    'BHT*0019*00*0001*20260314*1200*CH~',
    'NM1*41*2*SUBMITTER*****46*SUBMITTERID~',
    'PER*IC*CONTACT*TE*5555550100~',
    'NM1*40*2*RECEIVER*****46*RECEIVERID~',
    'HL*1**20*1~',
    'NM1*85*2*BILLING PROVIDER*****XX*1234567893~',
    'N3*ADDRESS~',
    'N4*CITY*ST*000000000~',
    'REF*EI*000000000~',
    'HL*2*1*22*0~',
    'SBR*P*18*******CI~',
    'NM1*IL*1*PATIENT*****MI*MEMBERID~',
    'NM1*PR*2*PAYER*****PI*PAYERID~',
  ];
  const body = loop.split('\n');
  const segmentsFromSt = head.length - 2 + body.length + 1;
  return [...head, ...body, `SE*${segmentsFromSt}*0001~`, 'GE*1*1~', 'IEA*1*000000001~'].join('\n');
}
