/**
 * The reference data the language service reads, behind one interface: the
 * bundled codes and modifiers, (when a licensed user provides them) official
 * descriptors from their own file, which take precedence in hover and
 * completion, and the official code sets and CMS edit files the user loaded
 * from a data folder (`official`, each kind's editions chosen by date of
 * service with `editionFor`; empty when none is loaded).
 */
import type { CodeInfo, ModifierInfo } from './codeTypes';
import { noOfficialData, type OfficialData } from './official/officialData';

/** A source of code facts and our own summaries; the bundled data is one. */
interface CodeDataProvider {
  readonly codes: readonly CodeInfo[];
  readonly modifiers: readonly ModifierInfo[];
}

/** Official descriptors from a file the user is licensed to use. */
export interface DescriptorSource {
  /** Shown in hover, e.g. the file's name. */
  readonly label: string;
  descriptorOf(code: string): string | undefined;
}

interface LicensedDescriptor {
  text: string;
  source: string;
}

export class CodeReference {
  private readonly byCode = new Map<string, CodeInfo>();
  private readonly byModifier = new Map<string, ModifierInfo>();
  private readonly descriptorSources: readonly DescriptorSource[];

  constructor(
    provider: CodeDataProvider,
    descriptorSources: readonly DescriptorSource[] = [],
    readonly official: OfficialData = noOfficialData,
  ) {
    for (const info of provider.codes) {
      this.byCode.set(info.code, info);
    }
    for (const info of provider.modifiers) {
      this.byModifier.set(info.modifier, info);
    }
    this.descriptorSources = descriptorSources;
  }

  get codes(): Iterable<CodeInfo> {
    return this.byCode.values();
  }

  get modifiers(): Iterable<ModifierInfo> {
    return this.byModifier.values();
  }

  code(code: string): CodeInfo | undefined {
    return this.byCode.get(code);
  }

  modifier(modifier: string): ModifierInfo | undefined {
    return this.byModifier.get(modifier);
  }

  /** True when a licensed descriptor file is loaded: the one list of CPT codes the product can read. */
  get hasLicensedDescriptors(): boolean {
    return this.descriptorSources.length > 0;
  }

  /** The first licensed descriptor a loaded file gives for the code. */
  licensedDescriptor(code: string): LicensedDescriptor | undefined {
    for (const source of this.descriptorSources) {
      const text = source.descriptorOf(code);
      if (text !== undefined) {
        return { text, source: source.label };
      }
    }
    return undefined;
  }

  /** The "each additional lesion" code of a first-lesion code's family (same procedure and modality). */
  addOnFor(primary: CodeInfo): CodeInfo | undefined {
    for (const info of this.byCode.values()) {
      if (info.lesion?.role === 'additional' && info.addOnTo?.includes(primary.code)) {
        return info;
      }
    }
    return undefined;
  }

  /** First-lesion codes of the same procedure as the given lesion-counted code, any modality. */
  firstLesionCodesOf(procedure: string): CodeInfo[] {
    return [...this.byCode.values()].filter(
      (info) => info.lesion?.procedure === procedure && info.lesion.role === 'first' && !info.deleted,
    );
  }
}
