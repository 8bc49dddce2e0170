package indicators

import (
	"testing"
)

// TestDefaultCatalog guarantees that the embedded catalog loads and
// compiles, so Default never panics. (catalog_test.go runs its examples.)
func TestDefaultCatalog(t *testing.T) {
	rules, sets, err := loadCatalog(catalogFiles)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Compile(rules, Config{SkipExamples: true}); err != nil {
		t.Fatal(err)
	}
	if len(DefaultRules()) != len(rules) || len(DefaultSets()) != len(sets) {
		t.Errorf("DefaultRules/DefaultSets disagree with the catalog")
	}
	if first := Default(); Default() != first {
		t.Error("Default compiles more than once")
	}
	t.Logf("%d rules, %d sets, %d automaton forms", len(rules), len(sets), len(Default().c.forms))
}
