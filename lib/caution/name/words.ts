/**
 * The words that illegal pharmacies glue to a brand (`cvs-pharmacy`, `pfizer-online-shop`,
 * `walgreens-rx24`), folded to ASCII as they appear in host names. Two sets, because a short or
 * common-word brand ("CVS", "Boots") needs a word that says pharmacy, not just "shop": `boots-shop`
 * sells boots. These words never give a signal by themselves (a pharmacy word in a name is not a
 * lookalike): they only fill the rest of a label that holds a protected brand.
 */

/** Words that say pharmacy or medicine, in the languages of the markets Pharmacheck serves. */
export const PHARMACY_WORDS: readonly string[] = [
  // English
  'pharmacy', 'pharmacies', 'pharma', 'pharm', 'chemist', 'chemists', 'drugstore', 'drugstores', 'drug', 'drugs',
  'rx', 'meds', 'med', 'medic', 'medical', 'medicine', 'medicines', 'medication', 'medications', 'pill', 'pills',
  'tablet', 'tablets', 'tabs', 'generic', 'generics', 'prescription', 'prescriptions', 'noprescription', 'norx',
  // French
  'pharmacie', 'pharmacies', 'parapharmacie', 'medicament', 'medicaments', 'generique', 'generiques', 'sansordonnance', 'ordonnance',
  // German, Dutch, Scandinavian
  'apotheke', 'apotheken', 'apo', 'versandapotheke', 'medikamente', 'medikament', 'arznei', 'arzneimittel', 'rezeptfrei', 'generika',
  'drogerie', 'apotheek', 'apotek', 'apoteket', 'apoteek', 'drogist', 'drogisterij', 'medicijnen', 'lakemedel', 'legemidler',
  // Italian, Spanish, Portuguese
  'farmacia', 'farmacias', 'farmacie', 'farmaci', 'parafarmacia', 'medicinali', 'medicinale', 'senzaricetta', 'generico', 'generici',
  'medicamentos', 'medicamento', 'sinreceta', 'genericos', 'drogaria', 'drogueria', 'remedios', 'botica',
  // Central and Eastern Europe, Baltic, Finnish, Greek, Turkish (transliterated as in host names)
  'apteka', 'apteki', 'apteek', 'apteekki', 'aptieka', 'drogeria', 'vaistine', 'lekarna', 'lekaren', 'ljekarna', 'farmacija', 'gyogyszertar',
  'gyogyszer', 'leki', 'lekarstva', 'lekarstvo', 'farmakeio', 'eczane', 'eczanesi', 'ilac',
];

/** Words of any online shop, and the filler of pharmacy-spam names (countries, "24", "best"). */
export const SHOP_WORDS: readonly string[] = [
  // English
  'shop', 'shops', 'store', 'stores', 'online', 'web', 'net', 'direct', 'express', 'buy', 'order', 'orders', 'get', 'cheap',
  'cheaper', 'cheapest', 'best', 'top', 'discount', 'discounts', 'deal', 'deals', 'sale', 'sales', 'outlet', 'official',
  'original', 'genuine', 'legit', 'real', 'safe', 'secure', 'trusted', 'fast', 'quick', 'now', 'today', 'world', 'global',
  'international', 'intl', 'mall', 'mart', 'market', 'center', 'centre', 'club', 'plus', 'pro', 'hub', 'zone', 'point',
  'depot', 'supply', 'supplies', 'service', 'services', 'health', 'healthcare', 'care', 'wellness', 'life', 'my', 'the',
  'e', 'i', 'go', 'save', 'price', 'prices', 'low', 'free', 'shipping', 'delivery', 'overnight', 'us', 'usa', 'uk', 'eu', 'euro',
  'europe', 'canada', 'canadian', 'india', 'indian', 'mexico', 'de', 'fr', 'it', 'es', 'nl', 'au', 'ca', 'nz', 'ie', 'za',
  // French, German, Dutch, Scandinavian
  'acheter', 'achat', 'boutique', 'pascher', 'livraison', 'enligne', 'kaufen', 'billig', 'guenstig', 'gunstig', 'preiswert',
  'rabatt', 'angebot', 'versand', 'kopen', 'winkel', 'goedkoop', 'kop', 'kob', 'billigt',
  // Italian, Spanish, Portuguese
  'comprare', 'acquista', 'negozio', 'economico', 'spedizione', 'comprar', 'tienda', 'barato', 'baratos', 'envio', 'loja',
  // Central and Eastern Europe
  'kupic', 'kup', 'sklep', 'tanio', 'kupit', 'deshevo', 'obchod', 'levne', 'magazin', 'bolt', 'olcso',
];

/** Every word either set holds. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([...PHARMACY_WORDS, ...SHOP_WORDS]);

/** The pharmacy set, for brands that need a pharmacy word. */
export const PHARMACY_WORD_SET: ReadonlySet<string> = new Set(PHARMACY_WORDS);
