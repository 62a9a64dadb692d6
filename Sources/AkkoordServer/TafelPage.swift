/// The one Dutch page of `akkoord serve`, its stylesheet and its script; all served by the server itself (the
/// Content-Security-Policy allows nothing else). The operator's page and the presentation view (`/presentatie`) are
/// the same page in two modes.
enum TafelPage {
    static func html(presentation: Bool) -> String {
        let mode = presentation ? "presentatie" : "bediening"
        let controls =
            presentation
            ? #"<p class="modus">Presentatie: volgt de bediening live</p>"#
            : #"""
            <div class="acties">
              <label>Scenario <select id="open-keuze" aria-label="Bewaard scenario"></select></label>
              <button type="button" id="openen">Openen</button>
              <label>Naam <input id="naam" size="14" autocomplete="off" aria-label="Naam om onder te bewaren"></label>
              <button type="button" id="bewaren">Bewaren</button>
              <button type="button" id="vergelijk-knop">Vergelijken…</button>
              <a href="/presentatie" target="_blank" rel="noopener">Presentatie ↗</a>
            </div>
            """#
        return #"""
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Akkoord aan tafel</title>
            <link rel="stylesheet" href="/rapport.css">
            <link rel="stylesheet" href="/tafel.css">
            </head>
            <body data-modus="\#(mode)">
            <header class="balk">
              <div class="kop">
                <h1>Akkoord aan tafel</h1>
                <span id="dossier" class="meta"></span>
              </div>
              <div class="scenario">
                <label>Titel <input id="titel" size="30" autocomplete="off"></label>
                <label>Peildatum <input id="peildatum" type="date"></label>
                <span id="bezig" class="meta" aria-live="polite"></span>
              </div>
              \#(controls)
            </header>
            <div id="banner" class="banner" role="alert" hidden></div>
            <div id="bericht" class="bericht" role="status" aria-live="polite" hidden></div>
            <main class="tafel">
              <section id="keuzes" class="keuzes" aria-label="Opgaven, fiches en beslissingen"></section>
              <aside id="overzicht" class="overzicht" aria-label="Overzicht">
                <div id="kerncijfers" class="cards"></div>
                <div id="grafiek"></div>
                <details id="wijzigingen-blok" open><summary>Wat verandert</summary><div id="wijzigingen"></div></details>
                <details id="meldingen-blok" open><summary>Meldingen</summary><ul id="meldingen" class="meldingen"></ul></details>
              </aside>
            </main>
            <dialog id="vergelijking" aria-label="Vergelijken">
              <form method="dialog" class="vergelijk-kop">
                <h2>Vergelijken met bewaarde scenario's</h2>
                <div id="vergelijk-namen"></div>
                <button type="button" id="vergelijk-doe">Vergelijk</button>
                <button value="sluiten">Sluiten</button>
              </form>
              <div id="vergelijk-uitkomst"></div>
            </dialog>
            <script src="/tafel.js"></script>
            </body>
            </html>

            """#
    }

    static let css = #"""
        [hidden] { display: none !important; }
        body { margin: 0; }
        .balk { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 1rem;
          background: #0b4f8a; color: #fff; position: sticky; top: 0; z-index: 5; }
        .balk h1 { color: #fff; font-size: 1.3rem; margin: 0; }
        .balk .meta, .balk .modus { color: #dce8f5; margin: 0; }
        .balk label { font-size: .9rem; }
        .balk input, .balk select, .balk button { font: inherit; font-size: .9rem; }
        .balk a { color: #fff; }
        .kop { display: flex; flex-direction: column; }
        .scenario, .acties { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
        .banner { background: #fde2e1; color: #a4161a; border-bottom: 2px solid #a4161a; padding: .5rem 1rem; white-space: pre-wrap;
          font-family: ui-monospace, monospace; font-size: .85rem; }
        .bericht { background: #fff4d6; padding: .4rem 1rem; }
        .tafel { display: grid; grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr); gap: 1rem; max-width: none; padding: .8rem 1rem; }
        .overzicht { position: sticky; top: 5.5rem; align-self: start; max-height: calc(100vh - 6.5rem); overflow: auto; }
        .overzicht figure { margin: 0; } .overzicht svg { width: 100%; height: auto; max-height: 13rem; }
        #kerncijfers { position: sticky; top: 0; z-index: 2; background: #fff; padding-bottom: .4rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; }
        .card { border: 1px solid #c8c8c8; border-radius: 6px; padding: .4rem .6rem; font-size: .85rem; }
        .card strong { display: block; font-size: 1.2rem; }
        .card.slecht { border-color: #a4161a; background: #fde2e1; } .card.goed { border-color: #2b7a3d; background: #e3f3e6; }
        details.opgave > summary { font-size: 1.15rem; font-weight: 600; color: #0b4f8a; padding: .3rem 0; cursor: pointer; }
        details.fiche { border: 1px solid #c8c8c8; border-radius: 6px; margin: .4rem 0 .4rem 1rem; padding: .2rem .6rem; }
        details.fiche > summary { cursor: pointer; font-weight: 600; }
        details.fiche.markeer { outline: 3px solid #f0b400; }
        .beslissing { border: 0; border-top: 1px solid #e2e2e2; margin: .4rem 0; padding: .4rem 0; }
        .beslissing legend { font-weight: 600; padding: 0; }
        .opties { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .3rem; }
        .optie { font: inherit; font-size: .9rem; border: 1px solid #8aa6c1; background: #fff; border-radius: 4px; padding: .25rem .5rem;
          cursor: pointer; text-align: left; }
        .optie[aria-pressed="true"] { background: #0b4f8a; color: #fff; border-color: #0b4f8a; }
        .optie:focus-visible, summary:focus-visible, select:focus-visible { outline: 3px solid #f0b400; outline-offset: 1px; }
        .optie .lijn { font-size: .75rem; display: block; opacity: .8; }
        .badge { display: inline-block; font-size: .75rem; border-radius: 3px; padding: 0 .35rem; margin-left: .3rem; background: #e8e8e8;
          color: #1b1b1b; font-weight: 600; }
        .badge.verstreken { background: #a4161a; color: #fff; } .badge.bijgestuurd { background: #0b4f8a; color: #fff; }
        .badge.akkoord { background: #2b7a3d; color: #fff; }
        .moment { font-size: .85rem; color: #555; }
        .ronde { display: flex; gap: .5rem; margin-top: .3rem; font-size: .85rem; }
        .ronde .notitie { flex: 1; font: inherit; }
        .aannames label { display: flex; justify-content: space-between; gap: 1rem; border-top: 1px solid #eee; padding: .2rem 0; }
        .meldingen { padding-left: 1rem; font-size: .9rem; }
        .meldingen button { font: inherit; background: none; border: 0; padding: 0; text-align: left; cursor: pointer; color: inherit; }
        .meldingen button:hover { text-decoration: underline; }
        dialog { max-width: 90vw; width: 70rem; }
        body[data-modus="presentatie"] { font-size: 1.15rem; }
        body[data-modus="presentatie"] .optie { cursor: default; }
        body[data-modus="presentatie"] .optie[aria-pressed="false"] { opacity: .55; }
        @media (max-width: 900px) { .tafel { grid-template-columns: 1fr; } .overzicht { position: static; max-height: none; } }

        """#

    static let script = #"""
        "use strict";
        (() => {
          const presentatie = document.body.dataset.modus === "presentatie";
          const $ = (id) => document.getElementById(id);
          let regelbasis = null;
          let toestand = null;
          let laatste = null;
          let volgnummer = 0;
          let klikStart = null;
          window.tafelMetingen = [];
          window.tafelRevisie = 0;

          const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
          const bedrag = (cent) => euro.format(cent / 100);
          const grootte = (cent) => euro.format(Math.abs(cent) / 100);
          // A net burden as the report words it (DutchFormat.burdenTotal): a negative nadeel reads as "voordeel".
          const totaal = (t) => {
            const onbekend = [t.onbekend_nadeel > 0 ? t.onbekend_nadeel + " onbekend nadeel" : null,
              t.onbekend_voordeel > 0 ? t.onbekend_voordeel + " onbekend voordeel" : null].filter(Boolean).join(", ");
            if (t.min_cent === 0 && t.max_cent === 0) return onbekend || "–";
            const laag = Math.min(t.min_cent, t.max_cent), hoog = Math.max(t.min_cent, t.max_cent);
            let bekend;
            if (laag >= 0) bekend = laag === hoog ? grootte(laag) : grootte(laag) + " – " + grootte(hoog);
            else if (hoog <= 0) bekend = (laag === hoog ? grootte(laag) : grootte(hoog) + " – " + grootte(laag)) + " voordeel";
            else bekend = "van " + grootte(laag) + " voordeel tot " + grootte(hoog) + " nadeel";
            return onbekend ? bekend + " + " + onbekend : bekend;
          };

          function el(tag, attrs, ...kinderen) {
            const e = document.createElement(tag);
            for (const [k, v] of Object.entries(attrs || {})) {
              if (v === null || v === undefined || v === false) continue;
              if (k === "tekst") e.textContent = v; else e.setAttribute(k, v === true ? "" : v);
            }
            for (const kind of kinderen) if (kind !== null && kind !== undefined) e.append(kind);
            return e;
          }

          function bericht(tekst) {
            const b = $("bericht");
            b.textContent = tekst || "";
            b.hidden = !tekst;
          }

          async function haal(pad, opties) {
            const antwoord = await fetch(pad, Object.assign({ credentials: "same-origin", headers: { "Content-Type": "application/json" } }, opties || {}));
            const tekst = await antwoord.text();
            let data = null;
            try { data = tekst ? JSON.parse(tekst) : null; } catch (e) { data = null; }
            if (!antwoord.ok) {
              const fout = new Error((data && data.fout) || ("fout " + antwoord.status));
              fout.status = antwoord.status;
              fout.meldingen = data && data.meldingen;
              throw fout;
            }
            return data;
          }

          // --- rule base: opgaven → fiches → decisions, assumptions ---
          function bouwKeuzes() {
            const doel = $("keuzes");
            doel.textContent = "";
            const gezien = new Set();
            const fiches = new Map(regelbasis.fiches.map((f) => [f.code, f]));
            for (const opgave of regelbasis.opgaven) {
              const blok = el("details", { class: "opgave", open: true, "data-opgave": opgave.id });
              const samenvatting = el("summary", {}, opgave.titel + " ", el("span", { class: "badge voortgang", "data-voortgang": opgave.id }));
              blok.append(samenvatting);
              for (const code of opgave.fiches) {
                if (gezien.has(code)) continue;
                gezien.add(code);
                blok.append(bouwFiche(fiches.get(code)));
              }
              doel.append(blok);
            }
            const aannames = el("details", { class: "opgave aannames", open: true });
            aannames.append(el("summary", { tekst: "Aannames" }));
            for (const a of regelbasis.aannames) {
              const keuze = el("select", { "data-aanname": a.id, "aria-label": a.titel, disabled: presentatie });
              keuze.append(el("option", { value: "", tekst: "standaard (" + (a.standaard ? "ja" : "nee") + ")" }));
              keuze.append(el("option", { value: "ja", tekst: "ja" }));
              keuze.append(el("option", { value: "nee", tekst: "nee" }));
              keuze.addEventListener("change", () => {
                if (keuze.value === "") delete toestand.aannames[a.id]; else toestand.aannames[a.id] = keuze.value === "ja";
                wijzig();
              });
              aannames.append(el("label", {}, el("span", { tekst: a.titel + " (" + a.id + ")" }), keuze));
            }
            doel.append(aannames);
          }

          function bouwFiche(fiche) {
            const blok = el("details", { class: "fiche", id: "fiche-" + fiche.code });
            blok.append(el("summary", {}, fiche.code + " " + fiche.titel, el("span", { class: "badge bijgestuurd", "data-fiche-teller": fiche.code, hidden: true })));
            for (const b of fiche.beslissingen) {
              const veld = el("fieldset", { class: "beslissing", "data-beslissing": b.id });
              veld.append(el("legend", { tekst: b.vraag }));
              if (b.stuurmoment) {
                veld.append(el("div", { class: "moment" }, "Stuurmoment: " + b.stuurmoment.tekst,
                  el("span", { class: "badge verstreken", "data-verstreken": b.id, hidden: true, tekst: "verstreken" })));
              }
              const opties = el("div", { class: "opties", role: "group", "aria-label": b.vraag });
              for (const o of b.opties) {
                const knop = el("button", { type: "button", class: "optie", "data-beslissing": b.id, "data-optie": o.id, "aria-pressed": "false",
                  disabled: presentatie, title: o.toelichting || null }, o.titel);
                if (o.huidige_lijn) knop.append(el("span", { class: "lijn", tekst: "huidige lijn" }));
                knop.addEventListener("click", () => kies(b.id, o.id));
                opties.append(knop);
              }
              veld.append(opties);
              const status = el("select", { class: "status", "data-status": b.id, "aria-label": "Status: " + b.vraag, disabled: presentatie });
              status.append(el("option", { value: "", tekst: "status: —" }));
              for (const s of ["open", "voorlopig", "akkoord", "geparkeerd"]) status.append(el("option", { value: s, tekst: s }));
              status.addEventListener("change", () => { const c = keuze(b.id); c.status = status.value || undefined; zet(b.id, c); wijzig(); });
              const notitie = el("input", { class: "notitie", "data-notitie": b.id, placeholder: "notitie", "aria-label": "Notitie: " + b.vraag,
                readonly: presentatie, autocomplete: "off" });
              notitie.addEventListener("change", () => { const c = keuze(b.id); c.notitie = notitie.value || undefined; zet(b.id, c); wijzig(); });
              veld.append(el("div", { class: "ronde" }, status, notitie));
              blok.append(veld);
            }
            return blok;
          }

          // A choice is "optie" or {optie, status, notitie, ...} (the structured choice form).
          function keuze(beslissing) {
            const v = toestand.keuzes[beslissing];
            if (v === undefined) return {};
            return typeof v === "string" ? { optie: v } : Object.assign({}, v);
          }

          function zet(beslissing, c) {
            for (const k of Object.keys(c)) if (c[k] === undefined || c[k] === null || c[k] === "") delete c[k];
            const sleutels = Object.keys(c);
            if (!sleutels.length) delete toestand.keuzes[beslissing];
            else if (sleutels.length === 1 && c.optie !== undefined) toestand.keuzes[beslissing] = c.optie;
            else toestand.keuzes[beslissing] = c;
          }

          function kies(beslissing, optie) {
            const c = keuze(beslissing);
            c.optie = c.optie === optie ? undefined : optie;
            zet(beslissing, c);
            klikStart = performance.now();
            toonKeuzes();
            wijzig();
          }

          // --- state → page ---
          function toonKeuzes() {
            const rapportKeuzes = new Map(((laatste && laatste.keuzes) || []).map((k) => [k.beslissing, k]));
            for (const knop of document.querySelectorAll(".optie")) {
              const b = knop.dataset.beslissing;
              const gekozen = keuze(b).optie;
              const rapport = rapportKeuzes.get(b);
              const actief = gekozen !== undefined ? gekozen === knop.dataset.optie : (rapport ? rapport.gekozen.id === knop.dataset.optie : knop.querySelector(".lijn") !== null);
              knop.setAttribute("aria-pressed", actief ? "true" : "false");
            }
            for (const select of document.querySelectorAll("select[data-aanname]")) {
              const waarde = toestand.aannames[select.dataset.aanname];
              select.value = waarde === undefined ? "" : (waarde ? "ja" : "nee");
            }
            for (const select of document.querySelectorAll("select[data-status]")) select.value = keuze(select.dataset.status).status || "";
            for (const invoer of document.querySelectorAll("input[data-notitie]")) {
              if (document.activeElement !== invoer) invoer.value = keuze(invoer.dataset.notitie).notitie || "";
            }
            toonVoortgang();
            $("titel").value = toestand.titel;
            $("peildatum").value = toestand.peildatum;
            if (!presentatie && document.activeElement !== $("naam")) $("naam").value = toestand.naam;
          }

          function toonRapport(rapport, weergave) {
            laatste = rapport;
            toonKeuzes();
            const peildatum = rapport.scenario.peildatum;
            const perFiche = new Map();
            for (const k of rapport.keuzes) {
              const badge = document.querySelector('[data-verstreken="' + CSS.escape(k.beslissing) + '"]');
              if (badge) badge.hidden = !(k.stuurmoment && k.stuurmoment.eind && k.stuurmoment.eind < peildatum);
              if (k.afwijking) perFiche.set(k.fiche, (perFiche.get(k.fiche) || 0) + 1);
            }
            for (const teller of document.querySelectorAll("[data-fiche-teller]")) {
              const n = perFiche.get(teller.dataset.ficheTeller) || 0;
              teller.hidden = n === 0;
              teller.textContent = n + " bijgestuurd";
            }
            toonVoortgang();
            // Always visible: key figures, money per year, what changes, messages.
            const s = rapport.samenvatting;
            const kader = rapport.geld.kader && rapport.geld.kader.max_structureel_nadeel_cent;
            const kaarten = $("kerncijfers");
            kaarten.textContent = "";
            const kaart = (label, waarde, klasse, sleutel, t) => kaarten.append(el("div", { class: "card " + (klasse || ""), "data-kerncijfer": sleutel,
              "data-min-cent": t ? String(t.min_cent) : null, "data-max-cent": t ? String(t.max_cent) : null,
              "data-onbekend-nadeel": t ? String(t.onbekend_nadeel) : null, "data-onbekend-voordeel": t ? String(t.onbekend_voordeel) : null },
              label, el("strong", { tekst: waarde })));
            const binnen = kader === undefined || kader === null ? null : s.structureel_na_periode.max_cent <= kader;
            kaart("Structureel na de periode", totaal(s.structureel_na_periode), binnen === null ? "" : (binnen ? "goed" : "slecht"), "structureel", s.structureel_na_periode);
            kaart("Kader structureel", kader === undefined || kader === null ? "geen" : bedrag(kader), "", "kader");
            kaart("Nadeel over de periode", totaal(s.saldo_periode), "", "saldo", s.saldo_periode);
            kaart("Fouten", String(s.fouten), s.fouten > 0 ? "slecht" : "goed", "fouten");
            kaart("Waarschuwingen", String(s.waarschuwingen), "", "waarschuwingen");
            const verstreken = rapport.tijdlijn.filter((t) => t.verstreken && (t.soort === "bijsturing" || t.soort === "uiterlijk")).length;
            kaart("Termijnen verstreken", String(verstreken), verstreken > 0 ? "slecht" : "", "verstreken");
            kaart("Akkoord", "", "", "akkoord");
            toonVoortgang();
            const grafiek = $("grafiek");
            grafiek.textContent = "";
            const geld = document.createElement("template");
            geld.innerHTML = weergave ? weergave.geldgrafiek : "";
            const figuur = geld.content.querySelector("figure");
            if (figuur) grafiek.append(figuur);
            const jaren = el("table", { class: "jaren" }, el("thead", {}, el("tr", {}, el("th", { tekst: "Jaar" }), el("th", { class: "num", tekst: "Nadeel (lasten − baten)" }))));
            const lijf = el("tbody");
            for (const j of rapport.geld.jaren) lijf.append(el("tr", { "data-jaar": j.jaar, "data-min-cent": String(j.nadeel.min_cent), "data-max-cent": String(j.nadeel.max_cent),
              "data-onbekend-nadeel": String(j.nadeel.onbekend_nadeel), "data-onbekend-voordeel": String(j.nadeel.onbekend_voordeel) }, el("td", { tekst: String(j.jaar) }), el("td", { class: "num", tekst: totaal(j.nadeel) })));
            jaren.append(lijf);
            grafiek.append(jaren);
            const wijzigingen = document.createElement("template");
            wijzigingen.innerHTML = weergave ? weergave.wijzigingen : "";
            $("wijzigingen").replaceChildren(wijzigingen.content);
            const lijst = $("meldingen");
            lijst.textContent = "";
            for (const m of rapport.meldingen.filter((m) => m.niveau !== "info")) {
              const fiche = ficheVan(m);
              const knop = el("button", { type: "button", "data-fiche": fiche }, el("span", { class: m.niveau, tekst: m.niveau + ": " }), m.tekst);
              knop.addEventListener("click", () => openFiche(fiche));
              lijst.append(el("li", {}, knop));
            }
            if (!lijst.children.length) lijst.append(el("li", { tekst: "Geen fouten of waarschuwingen." }));
            if (klikStart !== null) {
              const start = klikStart;
              klikStart = null;
              requestAnimationFrame(() => window.tafelMetingen.push(performance.now() - start));
            }
          }

          // Progress per opgave: decisions agreed (status akkoord) and deviations, from the state and the last report.
          function toonVoortgang() {
            if (!regelbasis || !toestand) return;
            const afwijking = new Set(((laatste && laatste.keuzes) || []).filter((k) => k.afwijking).map((k) => k.beslissing));
            const fiches = new Map(regelbasis.fiches.map((f) => [f.code, f]));
            const alle = regelbasis.fiches.flatMap((f) => f.beslissingen.map((b) => b.id));
            for (const opgave of regelbasis.opgaven) {
              const badge = document.querySelector('[data-voortgang="' + CSS.escape(opgave.id) + '"]');
              const ids = opgave.fiches.flatMap((code) => (fiches.get(code) || { beslissingen: [] }).beslissingen.map((b) => b.id));
              const akkoord = ids.filter((id) => keuze(id).status === "akkoord").length;
              if (badge) {
                badge.textContent = akkoord + " van " + ids.length + " akkoord · " + ids.filter((id) => afwijking.has(id)).length + " bijgestuurd";
                badge.dataset.akkoord = String(akkoord);
              }
            }
            const kaart = document.querySelector('[data-kerncijfer="akkoord"] strong');
            if (kaart) kaart.textContent = alle.filter((id) => keuze(id).status === "akkoord").length + " van " + alle.length;
          }

          function ficheVan(melding) {
            const plek = /fiches\/([0-9A-Za-z]+)-/.exec(melding.locatie || "");
            if (plek) return plek[1];
            const herkomst = /(?:optie|beslissing|keuze) ([0-9A-Za-z]+)\./.exec(melding.herkomst || "") || /regel ([0-9][A-Z])-/.exec(melding.herkomst || "");
            return herkomst ? herkomst[1] : null;
          }

          function openFiche(code) {
            const fiche = code && $("fiche-" + code);
            if (!fiche) return;
            fiche.open = true;
            let ouder = fiche.parentElement;
            while (ouder) { if (ouder.tagName === "DETAILS") ouder.open = true; ouder = ouder.parentElement; }
            fiche.scrollIntoView({ block: "start" });
            fiche.classList.add("markeer");
            setTimeout(() => fiche.classList.remove("markeer"), 1500);
            fiche.querySelector("summary").focus();
          }

          function toonStatus(status) {
            const banner = $("banner");
            if (status.problemen.length) {
              banner.textContent = "De regelbasis op schijf is kapot; de pagina rekent verder met de laatste geldige versie.\n" + status.problemen.join("\n");
              banner.hidden = false;
            } else {
              banner.hidden = true;
              banner.textContent = "";
            }
          }

          // --- every change re-evaluates in the server ---
          async function wijzig() {
            const nummer = ++volgnummer;
            $("bezig").textContent = "rekent…";
            try {
              const data = await haal("/api/tafel", { method: "PUT", body: JSON.stringify(toestand) });
              if (nummer !== volgnummer) return;
              window.tafelRevisie = data.revisie;
              toonRapport(data.rapport, data.weergave);
              bericht("");
            } catch (fout) {
              if (nummer === volgnummer) bericht(fout.message + (fout.meldingen ? "\n" + fout.meldingen.join("\n") : ""));
            } finally {
              if (nummer === volgnummer) $("bezig").textContent = "";
            }
          }

          async function volg() {
            const data = await haal("/api/tafel");
            if (!data.toestand) return;
            toestand = data.toestand;
            window.tafelRevisie = data.revisie;
            toonRapport(data.rapport, data.weergave);
          }

          async function laadRegelbasis() {
            regelbasis = await haal("/api/regelbasis");
            const d = regelbasis.dossier;
            $("dossier").textContent = d.gemeente + " · " + d.titel + " · regelbasis " + d.versie;
            bouwKeuzes();
            toonStatus(await haal("/api/status"));
          }

          // --- scenarios folder ---
          async function vulScenarios() {
            const lijst = await haal("/api/scenarios");
            const keuze = $("open-keuze");
            keuze.textContent = "";
            for (const naam of lijst.scenarios) keuze.append(el("option", { value: naam, tekst: naam }));
            const namen = $("vergelijk-namen");
            namen.textContent = "";
            for (const naam of lijst.scenarios) namen.append(el("label", {}, el("input", { type: "checkbox", value: naam }), " " + naam + " "));
          }

          async function bewaar() {
            const naam = $("naam").value.trim();
            const lichaam = JSON.stringify(Object.assign({}, toestand, { naam }));
            try {
              await haal("/api/scenarios/" + encodeURIComponent(naam), { method: "PUT", body: lichaam });
            } catch (fout) {
              if (fout.status !== 409) { bericht(fout.message); return; }
              if (!window.confirm("Scenario '" + naam + "' bestaat al. Overschrijven?")) { bericht("Niet bewaard: '" + naam + "' bestaat al."); return; }
              try {
                await haal("/api/scenarios/" + encodeURIComponent(naam) + "?overschrijven=ja", { method: "PUT", body: lichaam });
              } catch (fout2) { bericht(fout2.message); return; }
            }
            toestand.naam = naam;
            bericht("Bewaard als " + naam + ".yaml");
            await vulScenarios();
            wijzig();
          }

          async function open() {
            const naam = $("open-keuze").value;
            if (!naam) return;
            try {
              toestand = await haal("/api/scenarios/" + encodeURIComponent(naam));
              toonKeuzes();
              await wijzig();
              bericht("Geopend: " + naam + ".yaml");
            } catch (fout) { bericht(fout.message + (fout.meldingen ? "\n" + fout.meldingen.join("\n") : "")); }
          }

          async function vergelijk() {
            const namen = [...document.querySelectorAll("#vergelijk-namen input:checked")].map((i) => i.value);
            if (!namen.length) { $("vergelijk-uitkomst").textContent = "Kies minstens één bewaard scenario."; return; }
            try {
              const data = await haal("/api/vergelijk", { method: "POST", body: JSON.stringify({ toestand, namen }) });
              const t = document.createElement("template");
              t.innerHTML = data.weergave;
              $("vergelijk-uitkomst").replaceChildren(t.content);
            } catch (fout) { $("vergelijk-uitkomst").textContent = fout.message; }
          }

          function luister() {
            const bron = new EventSource("/api/gebeurtenissen");
            bron.addEventListener("toestand", (e) => {
              if (!presentatie) return;
              const revisie = JSON.parse(e.data).revisie;
              if (revisie !== window.tafelRevisie) volg().catch((f) => bericht(f.message));
            });
            bron.addEventListener("regelbasis", async () => {
              try {
                await laadRegelbasis();
                if (presentatie) await volg(); else await wijzig();
              } catch (f) { bericht(f.message); }
            });
          }

          async function start() {
            await laadRegelbasis();
            if (presentatie) {
              $("titel").readOnly = true;
              $("peildatum").readOnly = true;
              await volg();
              luister();
              return;
            }
            const huidig = await haal("/api/tafel");
            toestand = huidig.toestand || { naam: "tafel", titel: "Aan tafel", peildatum: regelbasis.dossier.coalitiestart, keuzes: {}, aannames: {} };
            toonKeuzes();
            await vulScenarios();
            $("titel").addEventListener("change", () => { toestand.titel = $("titel").value; wijzig(); });
            $("peildatum").addEventListener("change", () => { if ($("peildatum").value) { toestand.peildatum = $("peildatum").value; wijzig(); } });
            $("bewaren").addEventListener("click", bewaar);
            $("openen").addEventListener("click", open);
            $("vergelijk-knop").addEventListener("click", () => $("vergelijking").showModal());
            $("vergelijk-doe").addEventListener("click", vergelijk);
            luister();
            await wijzig();
            document.body.dataset.klaar = "ja";
          }

          start().then(() => { document.body.dataset.klaar = "ja"; }).catch((fout) => bericht("De pagina kon niet starten: " + fout.message));
        })();

        """#
}
