// Modal dialogs: paste text, print (printer, copies, duplex, pages), export (format); open/close helpers.
import { backend } from './backend.js';
import { $, h, replace, attempt, status } from './dom.js';

/** Opens a <dialog> modally, remembering what had focus. */
export function openModal(dialog) {
  if (dialog.open) return;
  dialog.returnFocus = document.activeElement;
  dialog.showModal();
}

export function closeModal(dialog) {
  if (!dialog.open) return;
  dialog.close();
  const back = dialog.returnFocus;
  if (back && document.contains(back)) back.focus();
}

/** Closes the topmost open modal; true when one was open. */
export function closeTopModal() {
  const open = Array.from(document.querySelectorAll('dialog[open]'));
  if (!open.length) return false;
  closeModal(open[open.length - 1]);
  return true;
}

export function anyModalOpen() {
  return document.querySelector('dialog[open]') !== null;
}

export function initDialogs({ onPasted, onExport }) {
  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault(); // Escape: close through closeModal so focus goes back
      closeModal(dialog);
    });
    for (const btn of dialog.querySelectorAll('[data-close]')) {
      btn.addEventListener('click', () => closeModal(dialog));
    }
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) closeModal(dialog); // click on the backdrop
    });
  }

  $('#paste-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('#paste-text').value;
    if (!text.trim()) {
      $('#paste-text').focus();
      return;
    }
    $('#paste-submit').disabled = true;
    try {
      const result = await attempt(() => backend.importText(text));
      if (result !== undefined) {
        closeModal($('#paste-dialog'));
        $('#paste-text').value = '';
        onPasted(result);
      }
    } finally {
      $('#paste-submit').disabled = false;
    }
  });

  $('#print-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submitPrint();
  });

  $('#export-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = $('#export-form input[name="export-format"]:checked');
    closeModal($('#export-dialog'));
    onExport(chosen ? chosen.value : 'pdf');
  });
}

/** Opens the export dialog on the format chosen last time. */
export function openExportDialog() {
  openModal($('#export-dialog'));
  const chosen = $('#export-form input[name="export-format"]:checked');
  if (chosen) chosen.focus();
}

export function openPasteDialog() {
  openModal($('#paste-dialog'));
  $('#paste-text').focus();
}

/** Opens the print dialog and fills the printer list. */
export async function openPrintDialog() {
  const dialog = $('#print-dialog');
  const select = $('#print-printer');
  const message = $('#print-message');
  const error = $('#print-error');
  error.hidden = true;
  replace(select); // no options until the printers are known
  select.disabled = true;
  $('#print-submit').disabled = true;
  message.textContent = 'Looking for printers…';
  message.hidden = false;
  message.classList.add('loading-note');
  openModal(dialog);
  const result = await attempt(() => backend.printers());
  if (!dialog.open) return;
  message.classList.remove('loading-note');
  message.hidden = true;
  const printers = (result && result.printers) || [];
  if (!printers.length) {
    replace(select, h('option', { value: '' }, 'No printer available'));
    message.textContent = (result && result.message)
      || 'No printer is set up on this computer. Export the PDF instead, or add a printer in the system settings.';
    message.hidden = false;
    $('#print-submit').disabled = true;
    dialog.querySelector('[data-close]').focus();
    return;
  }
  replace(select, printers.map((p) => h('option', { value: p.name, selected: Boolean(p.default) },
    p.default ? `${p.name} (default)` : p.name)));
  if (result.message) {
    message.textContent = result.message;
    message.hidden = false;
  }
  select.disabled = false;
  $('#print-submit').disabled = false;
  select.focus();
}

const PAGES = /^\s*(\d+(\s*-\s*\d+)?)(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/;

async function submitPrint() {
  const error = $('#print-error');
  const pages = $('#print-pages').value.trim();
  const copies = Number.parseInt($('#print-copies').value, 10);
  error.hidden = true;
  if (pages && !PAGES.test(pages)) {
    error.textContent = 'Pages: use numbers and ranges such as "1-2" or "1,3".';
    error.hidden = false;
    $('#print-pages').focus();
    return;
  }
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) {
    error.textContent = 'Copies: a number from 1 to 99.';
    error.hidden = false;
    $('#print-copies').focus();
    return;
  }
  const printer = $('#print-printer').value;
  const options = { printer, copies, duplex: $('#print-duplex').value, pages: pages.replace(/\s+/g, '') };
  $('#print-submit').disabled = true;
  try {
    const result = await backend.print(options);
    closeModal($('#print-dialog'));
    const job = result && typeof result === 'object' ? (result.job ?? null) : result;
    const where = (result && result.printer) || printer;
    status(`Sent to ${where}${job !== null && job !== undefined && job !== '' ? ` (job ${job})` : ''}.`, 'ok');
  } catch (e) {
    error.textContent = e && e.message ? e.message : String(e);
    error.hidden = false;
  } finally {
    $('#print-submit').disabled = false;
  }
}
