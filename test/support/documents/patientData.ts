/**
 * Claim files full of made-up patient data, in both formats, for the tests
 * that capture everything the server and claim-lint write and look for it.
 * Every value is a distinctive marker no code, message or path holds by
 * chance, so finding one is exact. The data also stands where it does not
 * belong (malformed lines, unknown headers, shifted X12 elements, a bad row
 * of a data file), so the error paths run on it too.
 */

/** Patient data by kind: none may appear in a log, on stderr, or in claim-lint's report. */
export const patientMarkers = {
  patientSurname: 'ZYXWVUTSRQ',
  patientGivenName: 'QUORVENNA',
  subscriberGivenName: 'HORATIOVX',
  dateOfBirth: '19610409',
  dateOfBirthIso: '1961-04-09',
  subscriberDateOfBirth: '19580702',
  street: 'QWERTYPLEX',
  city: 'VORPALTON',
  postalCode: '998877665',
  memberId: 'MBRQ9X7Z3',
  medicalRecordNumber: 'MRN88QX41',
  socialSecurityNumber: '987654329',
  phone: '5559182734',
  provider: 'MARLOWEQX',
} as const;

export const patientMarkerValues: readonly string[] = Object.values(patientMarkers);

/**
 * The claim ids (the `.claim` claim id, the 837's CLM01 patient account
 * number). claim-lint's jsonl names the claim of each finding by this id,
 * by design: it is how a coder finds the claim in a batch of thousands.
 */
export const claimIds = ['PACCT-7731', 'PACCT-7732'] as const;

const m = patientMarkers;

export const patientClaimText = `# Patient ${m.patientSurname}, ${m.patientGivenName}  DOB ${m.dateOfBirthIso}  ${m.medicalRecordNumber}  tel ${m.phone}
claim ${claimIds[0]}
  patient: ${m.patientSurname}, ${m.patientGivenName}
  provider: Dr. ${m.provider}
  dos: 2026-03-14
  dx: C50.411
  lesions: 2
  19283-RT x1 $350 dx=A   # ${m.patientGivenName} right breast, seen at ${m.street} clinic
  19284-RT x2 dx=A
  member: ${m.memberId}
  dob: ${m.dateOfBirthIso}
  address: 4471 ${m.street} LANE, ${m.city} ${m.postalCode}
  ${m.patientSurname} ${m.patientGivenName} 19283
  19284-RT ${m.memberId} x1
  dx: ${m.street}, ${m.socialSecurityNumber}
  dos: ${m.dateOfBirthIso}X
  lesions: ${m.city}
  pos: ${m.postalCode}
  ${m.patientSurname}: ${m.patientGivenName}
  # claim-lint-disable-next-line ${m.patientSurname}
  19283 RT
claim ${claimIds[1]} ${m.patientSurname}
  patient ${m.patientSurname} ${m.patientGivenName}
  dx: C50.411
  19283 dx=${m.patientGivenName} dos=${m.city} lesions=${m.memberId} pos=${m.street} ${m.patientSurname}=${m.memberId}
  19283 ${m.patientGivenName.slice(0, 4)} x${m.memberId} $${m.street} dx=A,B,C,D,E
  ${m.dateOfBirthIso} ${m.patientSurname}
`;

/**
 * An 837P with the patient and subscriber loops filled in (NM1*IL, NM1*QC,
 * N3/N4, DMG, REF, NTE), then segments where patient data lands in the
 * elements the rules read: a shifted SV1, a bad HI code, a bad date, an
 * unknown segment, a CLM02 that is a name, and an SE whose elements are.
 */
export const patientX12Text = `ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~
GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*1*X*005010X222A1~
ST*837*0001*005010X222A1~
BHT*0019*00*0001*20260314*1200*CH~
NM1*41*2*SUBMITTER PLACEHOLDER*****46*SUBMITTERID~
PER*IC*CONTACT PLACEHOLDER*TE*5555550100~
NM1*40*2*RECEIVER PLACEHOLDER*****46*RECEIVERID~
HL*1**20*1~
NM1*85*2*BILLING PROVIDER PLACEHOLDER*****XX*1234567893~
N3*ADDRESS PLACEHOLDER~
N4*CITY*ST*000000000~
REF*EI*000000000~
HL*2*1*22*1~
SBR*P*01*******CI~
NM1*IL*1*${m.patientSurname}*${m.subscriberGivenName}****MI*${m.memberId}~
N3*4471 ${m.street} LANE*APT 9~
N4*${m.city}*ZZ*${m.postalCode}~
DMG*D8*${m.subscriberDateOfBirth}*M~
REF*SY*${m.socialSecurityNumber}~
NM1*PR*2*PAYER PLACEHOLDER*****PI*PAYERID~
HL*3*2*23*0~
PAT*01~
NM1*QC*1*${m.patientSurname}*${m.patientGivenName}~
N3*4471 ${m.street} LANE~
N4*${m.city}*ZZ*${m.postalCode}~
DMG*D8*${m.dateOfBirth}*F~
PER*IC*${m.patientGivenName}*TE*${m.phone}~
CLM*${claimIds[0]}*750***11:B:1*Y*A*Y*Y~
DTP*472*D8*20260314~
REF*EA*${m.medicalRecordNumber}~
NTE*ADD*${m.patientGivenName} ${m.patientSurname} DOB ${m.dateOfBirth} SEEN BY ${m.provider}~
NM1*82*1*${m.provider}*JOHN****XX*1234567893~
HI*ABK:C50411*ABF:${m.patientSurname}*ABF~
LX*1~
SV1*HC:19283:RT*350*UN*1***1~
LX*2~
SV1*HC:19284:RT*400*UN*2***1~
LX*3~
SV1*HC:${m.patientSurname}:${m.patientGivenName}*${m.memberId}*${m.street}*${m.city}***${m.dateOfBirth}:${m.patientSurname}:1:2:3~
DTP*472*D8*${m.patientGivenName}~
${m.patientSurname}*${m.patientGivenName}*${m.dateOfBirth}~
NM1*QC*1*${m.patientSurname}*${m.patientGivenName}~
CLM*${claimIds[1]}*${m.patientSurname}***11:B:1*Y*A*Y*Y~
HI*ABK:${m.socialSecurityNumber}~
LX*1~
SV1*HC:19283:${m.city.slice(0, 3)}*${m.memberId}*UN*${m.postalCode.slice(0, 2)}X***${m.medicalRecordNumber}~
SV1*HC:19284*100*${m.phone}~
SE*${m.patientSurname}*${m.patientGivenName}~
GE*${m.memberId}*${m.medicalRecordNumber}~
IEA*${m.postalCode}*${m.socialSecurityNumber}~
`;

/** A descriptor file with a good row and rows that hold patient data instead of codes. */
export const patientDescriptorText = `19283\tOur own words for a localization device
${m.patientSurname}\t${m.patientGivenName} born ${m.dateOfBirthIso}
19284
`;

/** A CMS MUE file (preamble, header) with a good row and bad rows holding patient data. */
export const patientMueText = `CMS MUE table, practitioner services (test copy)
HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale
19283,1,2 Date of Service Edit: Policy,Nature of Service/Procedure
${m.patientSurname} ${m.patientGivenName},1,2 Date of Service Edit: Policy,${m.memberId}
19284,${m.dateOfBirthIso},2 Date of Service Edit: Policy,${m.street}
19285,3,${m.city},Nature of Service/Procedure
`;

/** The markers found in `text`, compared case-insensitively. */
export function markersIn(text: string, markers: readonly string[] = patientMarkerValues): string[] {
  const upper = text.toUpperCase();
  return markers.filter((marker) => upper.includes(marker.toUpperCase()));
}

/** The lines of `source` (trimmed, at least 8 characters) found whole in `text`. */
export function wholeLinesIn(text: string, source: string): string[] {
  const lines = source
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 8);
  return [...new Set(lines)].filter((line) => text.includes(line));
}
