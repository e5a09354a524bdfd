package search

import (
	"reflect"
	"unsafe"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// chunkSkip lets a narrowed zap postings iterator jump to a document's
// chunk instead of stepping to it.
//
// zap, Bleve's segment format, keeps a word's frequencies, norms and
// positions in chunks of about 1,024 postings. Its iterator, once narrowed
// (ReplaceActual), reaches a later document by stepping a cursor over
// every posting of the word before it, to keep its chunk readers in step:
// for a rare phrase with "the", hundreds of thousands of steps per
// segment. Only the steps inside the target's own chunk read anything;
// the iterator reloads a chunk from its start when it enters it. Moving
// the cursor to the first document of the target's chunk beforehand is
// therefore the same walk without its idle part.
//
// The cursor and the chunk size are private fields of zap's iterator,
// found by reflection once per iterator. Where they are not found (another
// segment format, a zap that renamed them), skip does nothing and the
// iterator steps as before; TestChunkSkip fails then, so an
// upgrade cannot lose the skip unnoticed.
type chunkSkip struct {
	cursor roaring.IntPeekable // zap's "all": every posting, deleted or not
	size   uint64              // documents per chunk
}

// chunkSkipOf returns the skip of it, or a zero one that does nothing.
func chunkSkipOf(it segment.PostingsIterator) chunkSkip {
	v := reflect.ValueOf(it)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return chunkSkip{}
	}
	all, list := v.Elem().FieldByName("all"), v.Elem().FieldByName("postings")
	if !all.IsValid() || all.Kind() != reflect.Interface || all.IsNil() ||
		!list.IsValid() || list.Kind() != reflect.Pointer || list.IsNil() {
		return chunkSkip{} // a one-posting list has no cursor
	}
	size := list.Elem().FieldByName("chunkSize")
	if !size.IsValid() || size.Kind() != reflect.Uint64 || size.Uint() == 0 {
		return chunkSkip{}
	}
	cursor, ok := reflect.NewAt(all.Type(), unsafe.Pointer(all.UnsafeAddr())).Elem().Interface().(roaring.IntPeekable)
	if !ok {
		return chunkSkip{}
	}
	return chunkSkip{cursor: cursor, size: size.Uint()}
}

// to moves the cursor to the first document of doc's chunk, if it is
// behind it; the iterator's next Advance(doc) then starts there.
func (c chunkSkip) to(doc uint64) {
	if c.cursor != nil {
		c.cursor.AdvanceIfNeeded(uint32(doc / c.size * c.size))
	}
}
