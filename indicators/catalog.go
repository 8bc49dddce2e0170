package indicators

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"sync"
)

// catalogFiles holds the built-in rule files.
//
//go:embed catalog/*.json
var catalogFiles embed.FS

// loadCatalog loads every embedded rule file, sorted by name, together, so
// that a set defined in one file can be used in the others.
func loadCatalog(files fs.FS) ([]Rule, Sets, error) {
	names, err := fs.Glob(files, "catalog/*.json")
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(names)
	l := newLoader(nil)
	for _, name := range names {
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, nil, err
		}
		if err := l.addFile(path.Base(name), data); err != nil {
			return nil, nil, err
		}
	}
	return l.finish()
}

type catalog struct {
	rules []Rule
	sets  Sets
}

var builtin = sync.OnceValue(func() catalog {
	rules, sets, err := loadCatalog(catalogFiles)
	if err != nil {
		// The catalog is part of the package; a test keeps it loadable.
		panic("indicators: built-in catalog: " + err.Error())
	}
	return catalog{rules: rules, sets: sets}
})

// DefaultRules returns the built-in catalog of Chinese scam rules, loaded
// from the rule files embedded from catalog/. The slice is a fresh copy.
func DefaultRules() []Rule {
	return slices.Clone(builtin().rules)
}

// DefaultSets returns the named sets of the built-in catalog (contact apps,
// police warnings …), for user rule files loaded with LoadRulesWith. The
// map is a fresh copy.
func DefaultSets() Sets {
	sets := make(Sets, len(builtin().sets))
	for k, v := range builtin().sets {
		sets[k] = v
	}
	return sets
}

var defaultDetector = sync.OnceValue(func() *Detector {
	// The package's tests run the catalog's examples; a program need not
	// pay for them at every start.
	return MustCompile(DefaultRules(), Config{SkipExamples: true})
})

// Default returns the Detector for the built-in catalog with the default
// Config (except that the rules' examples are not run: the package's tests
// run them), compiled once on first use. It panics only if the embedded
// catalog is broken, which the package's tests rule out.
func Default() *Detector {
	return defaultDetector()
}
