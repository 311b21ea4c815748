/* 核验我的积分 — checks, in this browser, that every ledger line behind a person's total is
   in the checkpoint posted on the notice board, and that this checkpoint extends the one
   posted before it. Nothing here trusts the server: the hashes are recomputed with
   WebCrypto SHA-256 (RFC 6962 leaves 0x00‖record, nodes 0x01‖left‖right), the paths are
   checked with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, and the checkpoint's
   Ed25519 signature with WebCrypto, against the branch's verifier key (from the page's
   address after "#key=", else the one the page names — compare its id with the notice).
   The page's data block holds all it needs: once loaded it checks offline. */
(function () {
  "use strict";

  var subtle = window.crypto && window.crypto.subtle;

  function bytes(b64) {
    var text = atob(b64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      out[i] = text.charCodeAt(i);
    }
    return out;
  }

  function concat(parts) {
    var length = 0;
    parts.forEach(function (p) { length += p.length; });
    var out = new Uint8Array(length);
    var at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  function same(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  function hex(data) {
    return Array.prototype.map.call(data, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  async function sha256(data) {
    return new Uint8Array(await subtle.digest("SHA-256", data));
  }

  function leaf(record) {
    return sha256(concat([new Uint8Array([0]), record]));
  }

  function node(left, right) {
    return sha256(concat([new Uint8Array([1]), left, right]));
  }

  // RFC 9162 §2.1.3.2
  async function included(leafHash, index, size, path, root) {
    if (index >= size) {
      return false;
    }
    var fn = index, sn = size - 1, r = leafHash;
    for (var i = 0; i < path.length; i++) {
      if (sn === 0) {
        return false;
      }
      if (fn % 2 === 1 || fn === sn) {
        r = await node(path[i], r);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        r = await node(r, path[i]);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && same(r, root);
  }

  // RFC 9162 §2.1.4.2
  async function consistent(first, second, firstRoot, secondRoot, proof) {
    if (first === second) {
      return proof.length === 0 && same(firstRoot, secondRoot);
    }
    if (first === 0 || first > second || proof.length === 0) {
      return first === 0 && proof.length === 0;
    }
    var path = proof.slice();
    if ((first & (first - 1)) === 0) {
      path.unshift(firstRoot);
    }
    var fn = first - 1, sn = second - 1;
    while (fn % 2 === 1) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    var fr = path[0], sr = path[0];
    for (var i = 1; i < path.length; i++) {
      if (sn === 0) {
        return false;
      }
      if (fn % 2 === 1 || fn === sn) {
        fr = await node(path[i], fr);
        sr = await node(path[i], sr);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        sr = await node(sr, path[i]);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && same(fr, firstRoot) && same(sr, secondRoot);
  }

  // A C2SP signed note: origin, size, root; then "— name base64(keyid‖signature)" lines.
  function parseNote(note) {
    var split = note.indexOf("\n\n");
    var body = note.slice(0, split + 1);
    var lines = body.split("\n");
    return {
      body: new TextEncoder().encode(body),
      origin: lines[0],
      size: parseInt(lines[1], 10),
      root: bytes(lines[2]),
      signatures: note.slice(split + 2).split("\n").filter(Boolean).map(function (line) {
        var parts = line.split(" ");
        return { name: parts[1], blob: bytes(parts[2]) };
      })
    };
  }

  // "name+keyid+base64(0x01‖key)": the base64 may itself hold "+", so split twice only.
  function keyParts(text) {
    var first = text.indexOf("+");
    var second = text.indexOf("+", first + 1);
    if (first < 1 || second < 0) {
      return null;
    }
    return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  }

  async function signedBy(note, keyText) {
    var parts = keyParts(keyText.trim());
    var raw = parts ? bytes(parts[2]) : new Uint8Array(0);
    if (!parts || raw.length !== 33 || raw[0] !== 1) {
      return false;
    }
    var name = new TextEncoder().encode(parts[0] + "\n");
    var id = (await sha256(concat([name, raw]))).slice(0, 4);
    if (hex(id) !== parts[1].toLowerCase()) {
      return false;
    }
    var key = await subtle.importKey("raw", raw.slice(1), { name: "Ed25519" }, false, ["verify"]);
    for (var i = 0; i < note.signatures.length; i++) {
      var s = note.signatures[i];
      if (s.name === parts[0] && s.blob.length === 68 && same(s.blob.slice(0, 4), id)) {
        return subtle.verify({ name: "Ed25519" }, key, s.blob.slice(4), note.body);
      }
    }
    return false;
  }

  function say(box, verdict, text) {
    box.setAttribute("data-verdict", verdict);
    box.textContent = text;
  }

  async function check(data, box, keyText) {
    if (!subtle) {
      return say(box, "failed", "这个浏览器不能核验（缺少 WebCrypto），请换用新版浏览器。");
    }
    if (!data.checkpoint) {
      return say(box, "none", "还没有签发审计检查点，暂时无法核验。");
    }
    var posted = parseNote(data.checkpoint);
    if (!keyText || !(await signedBy(posted, keyText))) {
      return say(box, "failed", "核验失败：检查点的签名不是支部登记的公钥签的。");
    }
    var good = 0;
    for (var i = 0; i < data.entries.length; i++) {
      var entry = data.entries[i];
      var record = bytes(entry.record);
      var item = document.querySelector('[data-position="' + entry.position + '"]');
      var ok = JSON.parse(new TextDecoder().decode(record))[0] === entry.position &&
        await included(await leaf(record), entry.index, posted.size,
                       entry.proof.map(bytes), posted.root);
      if (item) {
        item.setAttribute("data-included", ok ? "yes" : "no");
      }
      good += ok ? 1 : 0;
    }
    if (good !== data.entries.length) {
      return say(box, "failed", "核验失败：有 " + (data.entries.length - good) +
                 " 笔积分不在公示的检查点里，或证明被改过。");
    }
    if (data.previous) {
      var before = parseNote(data.previous);
      var linked = before.origin === posted.origin && (await signedBy(before, keyText)) &&
        await consistent(before.size, posted.size, before.root, posted.root,
                         data.consistency.map(bytes));
      if (!linked) {
        return say(box, "failed", "核验失败：本次检查点与上一次公示的检查点对不上（历史被改写？）。");
      }
    }
    var rest = data.unsigned.length ?
      "另有 " + data.unsigned.length + " 笔在检查点之后，下次公示时签名。" : "";
    say(box, "ok", "核验通过：" + good + " 笔积分都在 " + posted.size +
        " 条记录的检查点里" + (data.previous ? "，且与上一次公示的检查点一致" : "") +
        "。" + rest);
  }

  var box = document.getElementById("verdict");
  var block = document.getElementById("proof-data");
  if (box && block) {
    var data = JSON.parse(block.textContent);
    var fromAddress = /[#&]key=([^&]+)/.exec(window.location.hash);
    var keyText = fromAddress ? decodeURIComponent(fromAddress[1]) : data.key;
    check(data, box, keyText).catch(function () {
      say(box, "failed", "核验失败：证明材料无法读取。");
    });
  }
})();
