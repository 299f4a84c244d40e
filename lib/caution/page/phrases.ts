/**
 * The phrases the page signals look for, in folded text (lowercase, no accents: lib/caution/text.ts),
 * in the extension's five languages and beyond (nl, pt, pl, cs, sk, sv, da, no, fi, ro, hu, el,
 * hr, sl, lt, lv, et, tr, ru). Each list is a regular expression source; `phrase()` anchors it at
 * a word start. Wording taken from regulators' advice (HEURISTICS.md) and from the vocabulary of
 * pharmacy spam (shared/data/detection/pharma-spam), never from the development pages alone.
 */

const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

export function phrase(sources: readonly string[], flags = 'u'): RegExp {
  return new RegExp(`${START}(?:${sources.join('|')})`, flags);
}
export function wholeWords(sources: readonly string[], flags = 'u'): RegExp {
  return new RegExp(`${START}(?:${sources.join('|')})${END}`, flags);
}

/** "Without prescription" in many languages: an offer when it is bound to a prescription-only medicine. */
export const NO_PRESCRIPTION = [
  "without (?:a |any |the )?(?:doctor'?s? |medical |valid |prior )?(?:prescription|rx|script)", "no (?:doctor'?s? |medical |prior )?(?:prescription|rx|script)s?(?: needed| required| necessary)?",
  'prescription (?:is )?not (?:needed|required|necessary)', 'rx not required', 'no doctor (?:visit|consultation)', 'non[- ]?prescription (?:viagra|cialis|tramadol|xanax)',
  'sans (?:ordonnance|prescription|ordo)', "pas besoin (?:d'|de |d )ordonnance", 'aucune ordonnance', 'ordonnance non (?:requise|necessaire|obligatoire)',
  'ohne (?:arzt)?rezept', 'ohne (?:arztliches |arztliche )?(?:rezept|verschreibung)', 'ohne arztbesuch', 'kein rezept (?:notig|erforderlich|benotigt|notwendig)',
  'rezept nicht (?:notig|erforderlich|notwendig)', 'rezeptfrei',
  'senza (?:ricetta|prescrizione)', 'senza (?:bisogno|obbligo) di ricetta', 'nessuna ricetta', 'non serve (?:la )?ricetta',
  'sin (?:receta|prescripcion|recetas)', 'sin necesidad de receta', 'no (?:se )?(?:necesita|requiere) (?:receta|prescripcion)',
  'sem (?:receita|prescricao)', 'sem necessidade de receita', 'nao precisa de receita', 'receita nao (?:e )?necessaria',
  'zonder (?:recept|voorschrift|doktersvoorschrift)', 'geen recept nodig', 'recept niet nodig',
  'bez (?:recepty|receptu|recepta|receptes|predpisu|lekarskeho predpisu)', 'recepta nie jest potrzebna', 'nie potrzebujesz recepty', 'bez wizyty u lekarza',
  'recept neni potreba', 'utan recept', 'inget recept', 'receptfri', 'uden recept', 'uten resept', 'ingen resept', 'ilman reseptia',
  'fara (?:reteta|prescriptie)', 'nu este nevoie de reteta', 'recept nelkul', 'veny nelkul', 'χωρις (?:ιατρικη )?συνταγη', 'be recepto', 'ilma retseptita',
  'recetesiz', 'без рецепта',
];

/**
 * The subset that says "no prescription is needed" outright, whatever it is next to. The others
 * ("sans ordonnance", "rezeptfrei", "sin receta") also name medicines that legally need none, so
 * they count only bound to a prescription-only medicine.
 */
export const NO_PRESCRIPTION_OUTRIGHT = [
  "no (?:doctor'?s? |medical |prior )?(?:prescription|rx|script)s? (?:needed|required|necessary)", 'prescription (?:is )?not (?:needed|required|necessary)', 'rx not required',
  "without (?:a |any )?(?:doctor'?s? |prior )(?:prescription|rx)", 'no prior prescription', "pas besoin (?:d'|de |d )ordonnance", 'aucune ordonnance (?:requise|necessaire)',
  'ordonnance non (?:requise|necessaire|obligatoire)', 'kein rezept (?:notig|erforderlich|benotigt|notwendig)', 'rezept nicht (?:notig|erforderlich|notwendig)', 'ohne arztbesuch',
  'non serve (?:la )?ricetta', 'senza bisogno di ricetta', 'sin necesidad de receta', 'no (?:se )?(?:necesita|requiere) (?:receta|prescripcion)', 'nao precisa de receita',
  'sem necessidade de receita', 'receita nao (?:e )?necessaria', 'geen recept nodig', 'recept niet nodig', 'recepta nie jest potrzebna', 'nie potrzebujesz recepty',
  'bez wizyty u lekarza', 'recept neni potreba', 'inget recept (?:behovs|kravs)', 'nu este nevoie de reteta', 'no doctor (?:visit|consultation)',
];

/** How a legitimate pharmacy takes a prescription: a real prescription step. */
export const PRESCRIPTION_STEP = [
  'upload (?:your |a )?(?:prescription|rx)', 'send (?:us )?(?:your |the )?(?:original )?prescription', 'prescription (?:is )?required', 'requires? a (?:valid )?prescription',
  'prescription[- ]only', 'prescription medicines? (?:need|require)', 'e-?prescription', 'nhs prescription', 'rx only', 'your gp', 'prescriber',
  'rezeptpflichtig', 'verschreibungspflichtig', 'rezept (?:einlosen|einreichen|hochladen|einsenden|senden|schicken)', 'e-?rezept', 'rezept per post', 'kassenrezept', 'privatrezept',
  'sur ordonnance', 'ordonnance (?:obligatoire|requise|originale)', '(?:envoyer|envoyez|telecharger|telechargez|scanner|scannez) (?:votre |l\'|l |une )?ordonnance', 'soumis a (?:prescription|ordonnance)',
  'con (?:receta|ricetta)', 'requiere (?:receta|prescripcion)', 'receta (?:medica )?(?:obligatoria|electronica)', 'sujeto a prescripcion', 'ricetta (?:medica )?(?:obbligatoria|elettronica)',
  'obbligo di (?:ricetta|prescrizione)', 'su prescrizione', 'receptplichtig', 'recept (?:uploaden|opsturen|insturen|meesturen)', 'alleen op (?:recept|voorschrift)', 'op recept',
  'na recepte', 'recepta (?:wymagana|elektroniczna)', 'e-?recepta', 'na (?:predpis|lekarsky predpis)', 'e-?recept', 'receptbelagd', 'receptpligtig', 'reseptbelagt',
  'com receita', 'receita (?:medica )?obrigatoria', 'sujeito a receita', 'mediante receita', 'pe baza de reteta', 'reteta (?:medicala )?obligatorie', 'vényköteles', 'venykoteles',
  'vaistinei pateikti recepta', 'συνταγογραφ',
];

/** A questionnaire or "online consultation" offered in place of a prescription. */
export const QUESTIONNAIRE = [
  '(?:medical |online |short |health )questionnaire', 'free (?:online )?(?:doctor )?consultation', 'online consultation', 'free (?:online )?prescription', 'our (?:doctors|physicians) (?:will )?(?:issue|write|approve)',
  'prescription (?:included|issued online|with your order)', 'doctor (?:approval|review) included', 'questionnaire (?:medical|en ligne)', 'consultation (?:en ligne|medicale gratuite)',
  'ordonnance (?:incluse|gratuite|offerte)', '(?:medizinischer |online-?)fragebogen', 'online-?(?:arzt|rezept|konsultation)', 'rezept (?:inklusive|gratis|kostenlos)',
  'cuestionario (?:medico|online)', 'consulta (?:medica )?(?:online|gratuita)', 'receta (?:incluida|gratis|online)', 'questionario (?:medico|online)', 'consulto (?:medico )?(?:online|gratuito)',
  'ricetta (?:inclusa|gratuita|online)', '(?:medische )?vragenlijst', 'online consult', 'kwestionariusz (?:medyczny|online)', 'e-?konsultacja', 'recepta online',
  'questionario (?:medico|online)', 'receita (?:incluida|online)', 'formular medical',
];

/** The person's own side of an offer: verbs of buying and ordering, and "cheap". */
export const BUY = [
  'buy', 'order', 'purchase', 'overnight', 'get (?:your|cheap)', 'cheap', 'cheapest', 'discount', 'lowest price', 'best price', 'for sale', 'shop now', 'online without',
  'acheter', 'achat', 'achetez', 'commander', 'commandez', 'pas cher', 'moins cher', 'prix bas', 'en vente',
  'kaufen', 'kaufe', 'bestellen', 'bestellung', 'gunstig', 'billig', 'preiswert', 'versand',
  'acquist', 'comprare', 'ordinare', 'ordina', 'economico', 'prezzo', 'vendita',
  'comprar', 'compra', 'pedir', 'barato', 'baratos', 'precio', 'venta',
  'kopen', 'koop', 'bestel', 'goedkoop', 'kup', 'kupic', 'zamow', 'tanio', 'tani', 'cena', 'koupit', 'kupte', 'objednat', 'levne', 'levny',
  'kop ', 'kopa', 'bestall', 'billigt', 'kob', 'bestil', 'osta', 'cumpara', 'comanda', 'ieftin', 'vasarol', 'rendel', 'olcso', 'αγορ', 'φθην', 'satin al',
  'купить', 'заказать', 'дешев',
];

/** "Add to cart" and "checkout", as buttons, links and form fields say them. */
export const CART = [
  'add(?:ed)? to (?:cart|basket|bag)', 'add to my cart', 'checkout', 'check out', 'proceed to checkout', 'shopping (?:cart|basket|bag)', 'view cart', 'my cart', 'buy now', 'order now',
  'ajouter au panier', 'mon panier', 'votre panier', 'panier', 'commander maintenant', 'acheter maintenant', 'in den warenkorb', 'warenkorb', 'zur kasse', 'jetzt kaufen', 'jetzt bestellen',
  'aggiungi al carrello', 'carrello', 'acquista ora', 'compra ora', 'anadir al (?:carrito|carro|cesta)', 'carrito', 'comprar ahora', 'finalizar compra', 'in (?:de )?winkelwagen', 'winkelmand',
  'nu kopen', 'afrekenen', 'do koszyka', 'koszyk', 'kup teraz', 'do kosiku', 'kosik', 'lagg i (?:varukorgen|kundvagnen)', 'varukorg', 'kassan', 'adicionar ao (?:carrinho|cesto)',
  'carrinho', 'comprar agora', 'adauga in cos', 'cosul meu', 'kosarba', 'kosar', 'kurv', 'handlekurv', 'ostoskori', 'sepete ekle', 'στο καλαθι', 'в корзину',
];
export const CART_PATH = /(?:^|[/?&=._-])(?:cart|basket|checkout|warenkorb|panier|carrito|carrello|winkelwagen|winkelmand|koszyk|kosik|varukorg|kassa|carrinho|cos|kosar|kurv|add[-_]to[-_]cart)(?:$|[/?&=._-])/;
export const CART_FIELD = /(?:add[-_]?to[-_]?cart|quantity|qty|cart|basket|warenkorb|panier|menge|cantidad|quantita|aantal|ilosc|mnozstvi|antal|quantidade|cantitate|product[-_]?id|variation[-_]?id)/;

/** A price: a currency sign or code next to a number. */
export const PRICE = /(?:[$€£¥₹]|(?<![\p{L}])(?:usd|eur|gbp|chf|cad|aud|pln|zl|kc|czk|sek|nok|dkk|ron|lei|huf|brl|r\$|us\$)) ?\d{1,5}(?:[.,]\d{1,2})?(?![\d])|(?<![\d.,])\d{1,5}(?:[.,]\d{1,2})? ?(?:[$€£]|(?:usd|eur|euro|euros|gbp|chf|pln|zl|kc|czk|sek|kr|nok|dkk|ron|lei|huf|brl)(?![\p{L}]))/u;

/** Words of a warning, a prohibition, a risk: a line that has them does not offer, it warns. */
export const WARNING = [
  'never', "don'?t", 'do not', 'avoid', 'illegal', 'unlawful', 'dangerous', 'danger', 'risk(?!-free| free)', 'fake', 'counterfeit', 'falsified', 'beware', 'warning', 'warn', 'scam', 'fraud',
  'unsafe', 'harm(?:ful|s)?(?![\\p{L}])', 'wary', 'unregulated', 'unlicen[cs]ed', 'not licen[cs]ed', 'not to (?:buy|order|purchase)', 'no (?:compre|compres|compren)', "n'achetez", 'kaufen sie (?:keine|nie)', 'seized', 'seizure', 'prosecut', 'criminal', 'crime', 'arrest', 'overdose', 'addiction', 'is against the law', 'be careful', 'rogue', 'unapproved', 'not approved',
  'jamais', 'ne (?:pas|jamais)', 'illegal', 'dangereu', 'risque', 'contrefa', 'falsifi', 'arnaque', 'mefiez', 'interdit', 'saisi', 'escroquer',
  'niemals', 'gefahr', 'gefahrlich', 'risiko', 'falschung', 'gefalscht', 'betrug', 'warnung', 'warnt', 'vorsicht', 'verboten', 'strafbar', 'abzocke', 'beschlagnahm',
  'nunca', 'ilegal', 'peligro', 'riesgo', 'falsificad', 'estafa', 'fraude', 'cuidado', 'advert', 'prohibid', 'incautad', 'delito',
  'non (?:acquistare|comprare)', 'pericol', 'rischi', 'contraff', 'falsificat', 'truff', 'attenzione', 'vietat', 'sequestr', 'reato', 'illecit',
  'nooit', 'illegaal', 'gevaar', 'risico', 'namaak', 'vervalst', 'oplicht', 'pas op', 'waarschuw', 'nigdy', 'nielegal', 'niebezpie', 'ryzyk', 'podrob', 'oszust', 'uwaga', 'ostrzez',
  'perigo', 'risco', 'golpe', 'aldrig', 'olaglig', 'farlig', 'forfalsk', 'bedrag', 'varning', 'nikdy', 'nelegal', 'nebezpec', 'riziko', 'padel', 'podvod', 'varovani',
  'niciodata', 'periculos', 'risc', 'contrafacut', 'soha', 'veszely', 'kockazat', 'hamisit', 'csalas', 'ποτε', 'παρανομ', 'κινδυν', 'πλαστ', 'απατ', 'никогда', 'опасн', 'незаконн',
];

/** A line that asks ("can I buy … without a prescription?") rather than offers. */
export const QUESTION = [
  'can (?:i|you|we|one)', 'do (?:i|you) need', 'is it (?:legal|safe|possible|ok)', 'how (?:to|do|can)', 'should (?:i|you)', 'what (?:is|are|happens)', 'why ',
  'kann man', 'brauche ich', 'braucht man', 'darf man', 'wie ', 'warum', 'peut-on', 'faut-il', 'puis-je', 'pourquoi', 'comment', 'est-ce', 'se puede', 'necesito', 'por que', 'como ',
  'si puo', 'serve ', 'posso', 'perche', 'come ', 'kan (?:je|ik|men)', 'heb ik', 'waarom', 'czy ', 'jak ', 'dlaczego', 'pode-se', 'preciso', 'porque', 'kan (?:man|jag)', 'varfor', 'lze ',
];

/** A price for one pill, tablet or dose. */
export const PER_PILL = [
  '(?:per|a|/|each) ?(?:pill|pills|tab|tablet|dose|capsule)', '(?:par|la|/) ?(?:pilule|comprime|gelule|cachet)', '(?:pro|je|/) ?(?:pille|tablette|kapsel)',
  '(?:por|/|la|cada) ?(?:pastilla|pildora|comprimido|capsula)', '(?:a|per|/|la) ?(?:pillola|compressa|pastiglia|capsula)', '(?:per|/) ?(?:pil|tablet|pilletje)',
  '(?:za|/) ?(?:tabletke|tabletku|tabletu|pigulke)', '(?:por|/) ?(?:comprimido|pilula)', '(?:per|/) ?(?:tablett|kapsel)', '(?:pe|/) ?(?:pastila|comprimat)',
];

/** Free or bonus pills: the bulk offer of pharmacy spam. */
export const BONUS_PILLS = [
  '(?:free|bonus|extra|gift) (?:viagra |cialis |levitra |generic )?(?:pills|tablets|tabs|pill)', '\\d+ (?:free|bonus) (?:pills|tablets|tabs)', 'pills? (?:for|as a) (?:free|bonus|gift)',
  'pilules? (?:gratuites?|offertes?|bonus|en cadeau)', 'comprimes? (?:gratuits?|offerts?|bonus)', '(?:gratis|bonus|geschenk)[- ]?(?:pillen|tabletten)', 'pillen (?:gratis|geschenkt)',
  'pastillas (?:gratis|de regalo|extra|bonus)', 'pillole (?:gratis|in omaggio|omaggio|bonus)', 'compresse (?:gratis|in omaggio)', 'gratis (?:pillen|tabletten)',
  '(?:darmowe|gratisowe) tabletki', 'tabletki (?:gratis|w prezencie)', 'pilulas (?:gratis|de brinde|bonus)', 'comprimidos (?:gratis|de brinde)', 'gratis ?(?:piller|tabletter)',
  'pastile (?:gratuite|bonus)', 'tablety (?:zdarma|navic)',
];

/** Payment methods that cannot be reversed or traced to a shop: cryptocurrency and money-transfer services. */
export const PAYMENT_HIDDEN = [
  'bitcoin', 'btc', 'ethereum', 'litecoin', 'monero', 'usdt', 'tether', 'crypto(?:currency|currencies)?', 'krypto(?:wahrung)?', 'cripto(?:moneda|valuta)?s?', 'cryptomonnaie',
  'western union', 'moneygram', 'ria money', 'money ?transfer', 'gift ?cards?', 'zelle', 'cash ?app', 'remitly', 'worldremit',
];
/** Payment methods a buyer can dispute or that identify the shop. */
export const PAYMENT_TRACEABLE = [
  'visa', 'mastercard', '(?<!gift ?)cards?', 'master card', 'maestro', 'american express', 'amex', 'paypal', 'credit card', 'debit card', 'carte bancaire', 'carte bleue', 'kreditkarte',
  'tarjeta', 'carta di credito', 'creditcard', 'klarna', 'apple pay', 'google pay', 'sofort', 'giropay', 'ideal', 'bancontact', 'rechnung', 'lastschrift', 'sepa', 'invoice',
  'blik', 'przelewy24', 'swish', 'mobilepay', 'vipps', 'multibanco', 'mb way', 'satispay', 'bizum', 'twint', 'payconiq', 'nachnahme', 'contre-remboursement', 'contrareembolso',
];

/** A street address (street words, a postcode and town) or a company register entry. */
export const ADDRESS = [
  '\\d{1,4}[a-z]?,? (?:[\\p{L}.]+ ){0,3}(?:street|st\\.|road|rd\\.|avenue|ave\\.|lane|drive|boulevard|blvd|square|court|parkway|pkwy|highway|hwy|suite)(?![\\p{L}])',
  '[\\p{L}-]*(?:strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|markt) \\d{1,4}', '\\d{1,4}(?: ?bis| ?ter)?,? (?:rue|avenue|boulevard|bd|chemin|allee|quai|impasse) ',
  '(?:via|viale|piazza|corso|largo|vicolo|calle|avenida|avda\\.|plaza|paseo|c/|rua|travessa|praca|ul\\.|ulica|aleja|al\\.|ulice|namesti|trida|strada|bulevardul|calea|soseaua) [\\p{L}\' .-]{2,40}?,? (?:n[o.]? ?)?\\d{1,4}(?![\\d])',
  '[\\p{L}]+(?:straat|laan|weg|plein|gracht|kade|singel|gatan|vagen|gata|vej|veien) \\d{1,4}', '[\\p{L}]+ (?:utca|ut|ter|korut) \\d{1,4}',
  '(?<![\\d.,])\\d{4,5} (?!pills?|tablets?|tabs|caps|capsules?|mg|pieces|units|orders?|customers?|products?|reviews?)[\\p{L}]{3,}', '[a-z]{1,2}\\d[a-z\\d]? \\d[a-z]{2}(?![\\p{L}])',
  'impressum', 'registered office', 'siege social', 'sede legale', 'domicilio social', 'handelsregister', 'hrb \\d', 'companies house', 'company (?:no|number|registration)',
];
/** A licence or registration number, or the supervising authority, as pharmacy laws require. */
export const LICENCE = [
  'gphc', 'registration (?:no|number)', 'registered pharmacy', 'premises (?:no|number)', 'licen[cs]e (?:no|number|#)', 'licensed by the', 'cqc',
  'betriebserlaubnis', 'apothekenbetriebserlaubnis', 'aufsichtsbehorde', 'zustandige (?:aufsichts)?behorde', 'apothekerkammer', 'ust-?id', 'umsatzsteuer-?id', 'versandhandelserlaubnis',
  'autorisation (?:de|d\'|n)', 'agence regionale de sante', 'rpps', 'siret', 'siren', 'licence n', 'ordre (?:national )?des pharmaciens', 'tva intracommunautaire',
  'autorizzazione', 'partita iva', 'p\\.? ?iva', 'codice fiscale', 'numero di registrazione', 'autorizacion (?:sanitaria|n)', 'cif:? ?[a-z]?-?\\d', 'nif:? ?[a-z]?-?\\d',
  'colegio (?:oficial )?de farmaceuticos', 'numero de registro', 'vergunning', 'agb-?code', 'big-?(?:nummer|register)', 'btw(?:-?nummer| ?nr)?\\.?:? ?nl', 'kvk(?:-?nummer| ?nr)?\\.?:? ?\\d',
  'zezwolenie', 'nip:? ?\\d', 'regon:? ?\\d', 'krs:? ?\\d', 'povoleni', 'ico:? ?\\d', 'dic:? ?[a-z]{0,2}\\d', 'tillstand', 'organisationsnummer', 'licenca', 'alvara', 'nipc',
  'autorizatie', 'cui:? ?(?:ro)?\\d', 'mukodesi engedely', 'adoszam',
];
/** A named pharmacist, or the pharmacist in charge. */
export const PHARMACIST = [
  'superintendent', 'pharmacist', 'pharmacien', 'apotheker', 'farmacista', 'farmaceutic', 'apotheker', 'farmaceut', 'apotekare', 'farmaceutka', 'lekarnik', 'gyogyszeresz', 'φαρμακοποι',
  'inhaber', 'titulaire', 'titolare', 'direccion tecnica', 'direttore tecnico', 'kierownik apteki',
];

/** Trust seals: the names of real certifiers, and invented badges. */
export const CERTIFIERS: readonly { readonly name: string; readonly pattern: string; readonly domains: readonly string[] }[] = [
  { name: 'CIPA', pattern: 'cipa', domains: ['cipa.com'] },
  { name: 'LegitScript', pattern: 'legit ?script', domains: ['legitscript.com'] },
  { name: 'NABP', pattern: 'nabp|vipps|safe\\.pharmacy|dot ?pharmacy', domains: ['nabp.pharmacy', 'nabp.net', 'safe.pharmacy'] },
  { name: 'PharmacyChecker', pattern: 'pharmacy ?checker', domains: ['pharmacychecker.com'] },
  { name: 'GPhC', pattern: 'gphc|general pharmaceutical council', domains: ['pharmacyregulation.org'] },
  { name: 'MHRA', pattern: 'mhra', domains: ['mhra.gov.uk', 'gov.uk'] },
];
/** Badges that no certifier issues. */
export const INVENTED_SEALS = [
  'verified (?:online )?pharmacy', 'certified (?:online )?pharmacy', 'licensed (?:online |canadian |international )?pharmacy', 'approved (?:online )?pharmacy', 'trusted (?:online )?pharmacy',
  'fda approved (?:pharmacy|online pharmacy|drugstore)', 'who (?:approved|certified)', 'cipa (?:approved|certified|verified)', 'secure (?:&|and) approved', 'pharmacy (?:verified|certified|approved)',
  'pharmacie (?:certifiee|agreee|verifiee)', 'zertifizierte apotheke', 'gepruefte apotheke', 'gepruft apotheke', 'farmacia (?:certificada|certificata|verificada|verificata|autorizada)',
  'apotheek (?:gecertificeerd|geverifieerd)', '100% (?:legal|legit|genuine|authentic|original)',
];
/** "For research use only" and "not for human consumption". */
export const RESEARCH_ONLY = [
  'research (?:use|purposes?) only', 'for research (?:use|purposes)', 'for laboratory (?:use|research)', 'not for human (?:consumption|use)', 'laboratory use only',
  'nur fur (?:forschungszwecke|laborzwecke|die forschung)', 'nicht (?:fur den|zum) menschlichen (?:verzehr|gebrauch)', 'pour (?:la )?recherche (?:uniquement|seulement)', 'usage de recherche',
  'non destine a la consommation humaine', 'solo (?:per uso di|a scopo di) ricerca', 'non per (?:uso|consumo) umano', 'solo para (?:investigacion|uso en investigacion)', 'no apto para (?:el )?consumo humano',
  'uso exclusivo en investigacion', 'alleen voor (?:onderzoek|onderzoeksdoeleinden)', 'niet voor menselijke consumptie', 'wylacznie do (?:celow badawczych|badan)', 'nie do spozycia przez ludzi',
  'apenas para (?:pesquisa|investigacao)', 'nao (?:e )?para consumo humano', 'endast for forskning', 'inte for manniskor', 'pouze pro vyzkum', 'nurai cercetare', 'doar pentru cercetare',
];
/** Shipping that promises to get past customs and a doctor. */
export const SHIPPING_LURES = [
  'discreet (?:packaging|package|shipping|delivery)', 'plain (?:packaging|package)', 'overnight (?:delivery|shipping)', 'no questions asked', 'reship', 'customs (?:guarantee|clearance guaranteed)',
  'stealth (?:shipping|packaging)', 'emballage (?:discret|neutre)', 'envoi discret', '(?:diskrete|neutrale) verpackung', 'diskreter versand', 'envio discreto', 'embalaje discreto',
  'spedizione (?:discreta|anonima)', 'confezione (?:anonima|discreta)', 'discrete verpakking', 'dyskretne opakowanie', 'embalagem discreta', 'diskret forpackning',
];
/** "Canadian pharmacy" claims (the name pharmacy spam has long used). */
export const CANADIAN = ['canadian (?:online )?(?:pharmacy|drugs?|meds|pharmacies)', 'canada (?:pharmacy|drugs?|meds)', 'pharmacie canadienne', 'kanadische apotheke', 'farmacia canadiense', 'farmacia canadese'];
