// Progressive enhancement of the pages; everything works without it (plain form posts).
// - the drop zone shows the chosen (or dropped) file's name and marks a file dragged over it;
// - an upload sent by htmx shows its progress in the form's <progress>;
// - after htmx swaps a result in, focus moves to its heading so that a screen reader reads it.
(function () {
  'use strict';

  function showFileName(input) {
    var output = document.getElementById(input.getAttribute('data-file-name'));
    if (output) {
      output.textContent = input.files && input.files.length ? 'Valgt fil: ' + input.files[0].name : '';
    }
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input[type=file][data-file-name]')) {
      showFileName(event.target);
    }
  });

  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest('.ds-file-upload');
      if (zone) {
        zone.classList.add('ukp-dragover');
      }
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest('.ds-file-upload');
      if (zone) {
        zone.classList.remove('ukp-dragover');
      }
    });
  });

  function progressOf(element) {
    var form = element.closest ? element.closest('form') : null;
    var id = form && form.getAttribute('data-progress');
    return id ? document.getElementById(id) : null;
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    var box = progressOf(event.target);
    if (box) {
      var bar = box.querySelector('progress');
      bar.removeAttribute('value');
      box.hidden = false;
    }
  });
  document.addEventListener('htmx:xhr:progress', function (event) {
    var box = progressOf(event.target);
    if (box && event.detail.lengthComputable) {
      var bar = box.querySelector('progress');
      bar.max = event.detail.total;
      bar.value = event.detail.loaded;
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    var box = progressOf(event.target);
    if (box) {
      box.hidden = true;
    }
  });

  document.addEventListener('htmx:afterSettle', function () {
    // the swapped-in result marks its heading; outerHTML swaps replace the target, so look it up anew
    var heading = document.querySelector('[data-focus]');
    if (heading) {
      heading.focus();
    }
  });
})();
