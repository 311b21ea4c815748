// Independent checks of dangjian's Merkle tree with Go's golang.org/x/mod/sumdb/tlog and
// sumdb/note (Debian's golang-golang-x-mod-dev, GOPATH mode). Reads a JSON request on
// stdin, writes a JSON answer on stdout; tests/go_tlog.py drives it.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type inclusion struct {
	Index int64    `json:"index"`
	Size  int64    `json:"size"`
	Leaf  []byte   `json:"record"`
	Proof [][]byte `json:"proof"`
	Root  []byte   `json:"root"`
}

type consistency struct {
	Old     int64    `json:"old"`
	New     int64    `json:"new"`
	OldRoot []byte   `json:"old_root"`
	NewRoot []byte   `json:"new_root"`
	Proof   [][]byte `json:"proof"`
}

type signed struct {
	Note string `json:"note"`
	Key  string `json:"key"`
}

// C2SP tlog-tiles paths are "tile/<L>/<N>"; Go's older layout adds the height: "tile/8/<L>/<N>".
type tiles map[string][]byte

func (t tiles) Height() int { return 8 }

func (t tiles) ReadTiles(wanted []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(wanted))
	for i, tile := range wanted {
		path := "tile/" + strings.TrimPrefix(tile.Path(), "tile/8/")
		data, ok := t[path]
		if !ok {
			return nil, fmt.Errorf("no tile %s", path)
		}
		out[i] = data
	}
	return out, nil
}

func (t tiles) SaveTiles([]tlog.Tile, [][]byte) {}

type tiled struct {
	Size  int64             `json:"size"`
	Root  []byte            `json:"root"`
	Tiles map[string][]byte `json:"tiles"`
	Leaf  int64             `json:"leaf"`
}

type request struct {
	Tiled       *tiled        `json:"tiled"`
	Records     [][]byte      `json:"records"`
	Sizes       []int64       `json:"sizes"`
	Inclusion   []inclusion   `json:"inclusion"`
	Consistency []consistency `json:"consistency"`
	Notes       []signed      `json:"notes"`
}

type answer struct {
	TiledRoot   []byte   `json:"tiled_root"`
	TiledProof  [][]byte `json:"tiled_proof"`
	Roots       [][]byte `json:"roots"`
	Inclusion   []string `json:"inclusion"`
	Consistency []string `json:"consistency"`
	Notes       []string `json:"notes"`
}

type memory []tlog.Hash

func (m memory) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x >= int64(len(m)) {
			return nil, fmt.Errorf("no stored hash %d", x)
		}
		out[i] = m[x]
	}
	return out, nil
}

func hashes(raw [][]byte) []tlog.Hash {
	out := make([]tlog.Hash, len(raw))
	for i, h := range raw {
		copy(out[i][:], h)
	}
	return out
}

func one(raw []byte) tlog.Hash {
	var h tlog.Hash
	copy(h[:], raw)
	return h
}

func verdict(err error) string {
	if err != nil {
		return err.Error()
	}
	return "ok"
}

func main() {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var stored memory
	for n, record := range req.Records {
		more, err := tlog.StoredHashes(int64(n), record, stored)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		stored = append(stored, more...)
	}
	var ans answer
	if req.Tiled != nil {
		reader := tlog.TileHashReader(tlog.Tree{N: req.Tiled.Size, Hash: one(req.Tiled.Root)}, tiles(req.Tiled.Tiles))
		root, err := tlog.TreeHash(req.Tiled.Size, reader)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		proof, err := tlog.ProveRecord(req.Tiled.Size, req.Tiled.Leaf, reader)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		ans.TiledRoot = root[:]
		for _, h := range proof {
			ans.TiledProof = append(ans.TiledProof, append([]byte(nil), h[:]...))
		}
	}
	for _, size := range req.Sizes {
		root, err := tlog.TreeHash(size, stored)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		ans.Roots = append(ans.Roots, root[:])
	}
	for _, c := range req.Inclusion {
		err := tlog.CheckRecord(hashes(c.Proof), c.Size, one(c.Root), c.Index, tlog.RecordHash(c.Leaf))
		ans.Inclusion = append(ans.Inclusion, verdict(err))
	}
	for _, c := range req.Consistency {
		err := tlog.CheckTree(hashes(c.Proof), c.New, one(c.NewRoot), c.Old, one(c.OldRoot))
		ans.Consistency = append(ans.Consistency, verdict(err))
	}
	for _, s := range req.Notes {
		verifier, err := note.NewVerifier(s.Key)
		if err == nil {
			_, err = note.Open([]byte(s.Note), note.VerifierList(verifier))
		}
		ans.Notes = append(ans.Notes, verdict(err))
	}
	if err := json.NewEncoder(os.Stdout).Encode(ans); err != nil {
		os.Exit(2)
	}
}
