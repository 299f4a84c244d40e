/**
 * Prescription-only medicines that illegal shops sell, by class, as their names are written in
 * most languages (international non-proprietary names in their common spellings, and brands).
 * Folded (lib/caution/text.ts): lowercase, no accents. The classes follow Apache SpamAssassin's
 * drug rules (20_drugs.cf: erectile dysfunction, diet, pain, sleep, anxiety, muscle) with the
 * classes enforcement cases add (stimulants, GLP-1, peptides, steroids, antibiotics, COVID-19).
 * Runs in the background only: the page scripts never bundle it.
 */

export const DRUG_CLASSES = {
  ed: [
    'viagra', 'cialis', 'levitra', 'kamagra', 'sildenafil', 'sildenafilo', 'sildenafile', 'tadalafil', 'tadalafilo', 'vardenafil', 'vardenafilo', 'avanafil',
    'spedra', 'stendra', 'staxyn', 'vidalista', 'cenforce', 'fildena', 'suhagra', 'silagra', 'tadacip', 'tadalis', 'apcalis', 'megalis', 'lovegra', 'zenegra',
    'priligy', 'dapoxetine', 'dapoxetin', 'dapoxetina', 'super p-force', 'filitra', 'malegra', 'eriacta', 'caverta', 'penegra',
  ],
  opioid: [
    'oxycodone', 'oxycodon', 'oxicodona', 'ossicodone', 'oksykodon', 'oxykodon', 'oxycontin', 'percocet', 'roxicodone', 'endocet', 'hydrocodone', 'hydrocodon',
    'vicodin', 'norco', 'lortab', 'hydromorphone', 'hydromorphon', 'dilaudid', 'oxymorphone', 'opana', 'morphine', 'morphin', 'morfina', 'morfin', 'fentanyl',
    'fentanil', 'fentanilo', 'tramadol', 'ultram', 'tramal', 'tapentadol', 'nucynta', 'palexia', 'codeine', 'codein', 'codeina', 'kodein', 'methadone',
    'methadon', 'metadona', 'metadone', 'buprenorphine', 'subutex', 'dihydrocodeine', 'demerol', 'pethidine', 'oxynorm',
  ],
  benzo: [
    'alprazolam', 'alprazolamum', 'xanax', 'diazepam', 'valium', 'lorazepam', 'ativan', 'temesta', 'clonazepam', 'klonopin', 'rivotril', 'bromazepam',
    'lexotan', 'lexotanil', 'temazepam', 'restoril', 'nitrazepam', 'flunitrazepam', 'rohypnol', 'oxazepam', 'chlordiazepoxide', 'librium', 'etizolam',
    'clobazam', 'triazolam', 'halcion', 'lormetazepam', 'xanor', 'stesolid',
  ],
  sleep: ['zolpidem', 'ambien', 'stilnox', 'stilnoct', 'zopiclone', 'zopiclon', 'imovane', 'eszopiclone', 'lunesta', 'zaleplon', 'belsomra', 'suvorexant'],
  stimulant: [
    'adderall', 'amphetamine', 'amfetamine', 'dexedrine', 'dextroamphetamine', 'ritalin', 'methylphenidate', 'methylphenidat', 'metilfenidato',
    'modafinil', 'provigil', 'modalert', 'armodafinil', 'nuvigil', 'waklert', 'artvigil', 'vyvanse', 'elvanse', 'lisdexamfetamine', 'desoxyn',
  ],
  weight: [
    'phentermine', 'phentermin', 'fentermina', 'adipex', 'duromine', 'sibutramine', 'sibutramin', 'reductil', 'meridia', 'semaglutide', 'semaglutid', 'semaglutida',
    'ozempic', 'wegovy', 'rybelsus', 'tirzepatide', 'tirzepatid', 'tirzepatida', 'mounjaro', 'zepbound', 'liraglutide', 'liraglutid', 'liraglutida', 'saxenda',
    'victoza', 'retatrutide', 'retatrutid', 'dulaglutide', 'trulicity', 'qsymia', 'contrave', 'mysimba', 'cagrilintide',
  ],
  muscle: ['carisoprodol', 'carisoprodolo', 'soma 350', 'soma 500', 'cyclobenzaprine', 'flexeril', 'tizanidine', 'zanaflex', 'methocarbamol', 'robaxin'],
  neuro: ['gabapentin', 'gabapentina', 'neurontin', 'pregabalin', 'pregabalina', 'lyrica'],
  antibiotic: [
    'amoxicillin', 'amoxicilline', 'amoxicilina', 'amoxicillina', 'amoxil', 'azithromycin', 'azithromycine', 'azitromicina', 'zithromax', 'doxycycline',
    'doxycyclin', 'doxiciclina', 'ciprofloxacin', 'ciprofloxacine', 'ciprofloxacino', 'cephalexin', 'keflex', 'metronidazole', 'flagyl', 'levofloxacin',
    'clarithromycin', 'augmentin',
  ],
  antiviral: [
    'ivermectin', 'ivermectine', 'ivermectina', 'stromectol', 'hydroxychloroquine', 'hydroxychloroquin', 'hidroxicloroquina', 'idrossiclorochina', 'chloroquine',
    'plaquenil', 'paxlovid', 'tamiflu', 'oseltamivir', 'valacyclovir', 'valaciclovir', 'valtrex', 'acyclovir', 'zovirax tablets',
  ],
  hair: ['finasteride', 'finasterid', 'finasterida', 'propecia', 'proscar', 'dutasteride', 'avodart', 'isotretinoin', 'isotretinoina', 'accutane', 'roaccutane', 'roaccutan'],
  hormone: ['clomid', 'clomiphene', 'clomifene', 'letrozole', 'anastrozole', 'arimidex', 'nolvadex', 'tamoxifen'],
  steroid: [
    'anavar', 'oxandrolone', 'dianabol', 'methandrostenolone', 'winstrol', 'stanozolol', 'trenbolone', 'clenbuterol', 'testosterone enanthate',
    'testosterone cypionate', 'sustanon', 'deca durabolin', 'nandrolone', 'somatropin', 'genotropin', 'hgh',
  ],
  peptide: [
    'bpc-157', 'bpc 157', 'tb-500', 'tb 500', 'ipamorelin', 'cjc-1295', 'cjc 1295', 'melanotan', 'pt-141', 'bremelanotide', 'aod-9604', 'ghk-cu', 'sermorelin',
    'tesamorelin', 'ostarine', 'mk-2866', 'ligandrol', 'lgd-4033', 'rad-140', 'testolone', 'cardarine', 'gw-501516',
  ],
  psych: [
    'sertraline', 'zoloft', 'fluoxetine', 'prozac', 'paroxetine', 'paxil', 'seroxat', 'escitalopram', 'lexapro', 'cipralex', 'citalopram', 'bupropion',
    'wellbutrin', 'quetiapine', 'seroquel', 'trazodone', 'amitriptyline', 'venlafaxine', 'effexor',
  ],
} as const;

export type DrugClass = keyof typeof DRUG_CLASSES;

/** Classes whose medicines are controlled (narcotics and psychotropics, anabolic steroids) in most countries. */
export const CONTROLLED: ReadonlySet<DrugClass> = new Set<DrugClass>(['opioid', 'benzo', 'sleep', 'stimulant', 'muscle', 'steroid']);

/** Classes that a shop selling erectile-dysfunction drugs rarely sells beside them when it is legitimate. */
export const RARELY_WITH_ED: ReadonlySet<DrugClass> = new Set<DrugClass>(['opioid', 'benzo', 'sleep', 'stimulant', 'muscle', 'steroid']);

/** GLP-1 agonists and the "research" peptides and SARMs sold as "not for human consumption". */
export const RESEARCH_MARKET: ReadonlySet<DrugClass> = new Set<DrugClass>(['weight', 'peptide', 'steroid']);
export const GLP1 = new Set(['semaglutide', 'semaglutid', 'semaglutida', 'tirzepatide', 'tirzepatid', 'tirzepatida', 'retatrutide', 'retatrutid', 'liraglutide', 'liraglutid', 'liraglutida', 'cagrilintide', 'dulaglutide']);

/**
 * Names spam disguises (v1agra, c!alis): the ones SpamAssassin's rules list, and long enough that a
 * disguised spelling cannot be an ordinary word.
 */
export const DISGUISED_NAMES = [
  'viagra', 'cialis', 'levitra', 'kamagra', 'xanax', 'valium', 'tramadol', 'vicodin', 'oxycodone', 'oxycontin', 'ambien', 'phentermine', 'propecia',
  'sildenafil', 'tadalafil', 'alprazolam', 'diazepam', 'hydrocodone', 'percocet', 'adderall', 'ozempic', 'lorazepam', 'clonazepam', 'carisoprodol',
  'ativan', 'ultram', 'meridia', 'xenical', 'vioxx', 'celebrex', 'zoloft', 'prozac',
];

export interface DrugName {
  readonly name: string;
  readonly drugClass: DrugClass;
}

export const DRUG_NAMES: readonly DrugName[] = Object.entries(DRUG_CLASSES).flatMap(([drugClass, names]) =>
  names.map((name) => ({ name, drugClass: drugClass as DrugClass })),
);
