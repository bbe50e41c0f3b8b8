// Speaker admin: click the face on the whole photo to set the focal point, and see the square
// crop follow. Without JavaScript the two number fields do the same job.
(function () {
  "use strict";

  function clamp(value) {
    return Math.min(100, Math.max(0, Math.round(value)));
  }

  function setUp(widget) {
    var source = widget.querySelector("[data-focal-source]");
    var preview = widget.querySelector("[data-focal-preview]");
    var marker = widget.querySelector("[data-focal-marker]");
    var inputX = document.getElementById("id_focal_x");
    var inputY = document.getElementById("id_focal_y");
    if (!source || !preview || !marker || !inputX || !inputY) {
      return;
    }

    function show(changed) {
      var x = clamp(Number(inputX.value) || 0);
      var y = clamp(Number(inputY.value) || 0);
      if (changed) {
        // Until saved, preview the new crop from the whole photo. Same rule as
        // photos.crop_box(): the square sits like CSS object-position x% y%.
        preview.src = source.currentSrc || source.src;
        preview.style.objectPosition = x + "% " + y + "%";
      }
      marker.style.left = x + "%";
      marker.style.top = y + "%";
      marker.hidden = false;
    }

    source.addEventListener("click", function (event) {
      var box = source.getBoundingClientRect();
      inputX.value = clamp(((event.clientX - box.left) / box.width) * 100);
      inputY.value = clamp(((event.clientY - box.top) / box.height) * 100);
      show(true);
    });
    inputX.addEventListener("input", function () { show(true); });
    inputY.addEventListener("input", function () { show(true); });
    widget.classList.add("speaker-crop--interactive");
    show(false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-point]").forEach(setUp);
  });
})();
