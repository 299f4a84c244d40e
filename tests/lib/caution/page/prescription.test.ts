import { describe, expect, it } from 'vitest';
import { pageSignals } from '../../../../lib/caution';
import { article, ids, readOf, shop } from '../helpers';

const signals = (html: string, url?: string) => ids(pageSignals(readOf(html, url)));

describe('page signals: prescription', () => {
  it.each([
    ['en', shop('<h1>Tramadol 50mg</h1><p>$1.20 <button>Add to cart</button></p><p>No prescription needed.</p>')],
    ['fr', shop('<h1>Viagra sans ordonnance</h1><p>0,90 € <button>Ajouter au panier</button></p>', { lang: 'fr' })],
    ['de', shop('<h1>Cialis ohne Rezept bestellen</h1><p>19,90 € <button>In den Warenkorb</button></p>', { lang: 'de' })],
    ['it', shop('<h1>Xanax senza ricetta</h1><p>29,00 € <button>Aggiungi al carrello</button></p>', { lang: 'it' })],
    ['es', shop('<h1>Comprar alprazolam sin receta</h1><p>25 € <button>Añadir al carrito</button></p>', { lang: 'es' })],
    ['nl', shop('<h1>Diazepam zonder recept</h1><p>€ 49 <button>In winkelwagen</button></p>', { lang: 'nl' })],
    ['pl', shop('<h1>Viagra bez recepty</h1><p>49 zł <button>Do koszyka</button></p>', { lang: 'pl' })],
    ['pt', shop('<h1>Cialis sem receita</h1><p>20 € <button>Adicionar ao carrinho</button></p>', { lang: 'pt' })],
    ['sv', shop('<h1>Köp tramadol utan recept</h1><p>299 kr <button>Lägg i varukorgen</button></p>', { lang: 'sv' })],
    ['ro', shop('<h1>Cumpara viagra fara reteta</h1><p>99 lei</p>', { lang: 'ro' })],
    ['el', shop('<h1>Αγορά viagra χωρίς συνταγή</h1><p>€ 30</p>', { lang: 'el' })],
  ])('finds a prescription-only medicine offered without a prescription (%s)', (_, html) => {
    expect(signals(html)).toContain('page.no-prescription');
  });

  it('finds it in the title of a doorway page that sells nothing else', () => {
    expect(signals(article('<p>Car maintenance tips.</p>', { title: 'Buy gabapentin online without a prescription' }))).toContain('page.no-prescription');
  });

  it('stays quiet where the words warn, ask or report', () => {
    expect(signals(article('<p>Never buy Viagra without a prescription: the pills are often fake.</p>'))).not.toContain('page.no-prescription');
    expect(signals(article('<h1>Can you buy Viagra without a prescription?</h1><p>No.</p>'))).not.toContain('page.no-prescription');
    expect(signals(article('<p>Every weekend people from the region cross the border and go to the pharmacies of the town to buy Viagra without a prescription, which the law there allows after a talk with the pharmacist.</p>', { title: 'Viagra without a prescription in Gibraltar' }))).not.toContain('page.no-prescription');
  });

  it('does not read over-the-counter wording as an offer', () => {
    const otc = shop('<h1>Médicaments sans ordonnance</h1><p>Doliprane 1000 mg – 2,18 € <button>Ajouter au panier</button></p><p>Humex – 6,50 €</p>', { lang: 'fr' });
    expect(signals(otc)).not.toContain('page.no-prescription');
    expect(signals(shop('<h1>Rezeptfreie Arzneimittel</h1><p>Ibuprofen 400 – 3,49 € <button>In den Warenkorb</button></p>', { lang: 'de' }))).not.toContain('page.no-prescription');
  });

  it('finds a shop selling prescription-only medicines with no prescription step, and a questionnaire in its place', () => {
    const html = shop('<h1>Zopiclone 7.5mg</h1><p>£49 <button>Add to basket</button></p><p>Complete our medical questionnaire and our doctors will approve your order.</p>');
    expect(signals(html)).toEqual(expect.arrayContaining(['page.no-prescription-step', 'page.questionnaire']));
  });

  it('stays quiet when the shop has a prescription step', () => {
    for (const step of ['Upload your prescription at checkout.', 'Rezept einlösen: E-Rezept per App', 'Envoyez votre ordonnance', '<input type="file" name="prescription">']) {
      expect(signals(shop(`<h1>Sildenafil 100mg</h1><p>£19 <button>Add to basket</button></p><form>${step.startsWith('<') ? step : ''}</form><p>${step.startsWith('<') ? '' : step}</p>`)), step).not.toContain('page.no-prescription-step');
    }
  });
});
