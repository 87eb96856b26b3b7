package model

// Sector is the area of law the national statistical forms break petitions
// down by (02/XLD, 03/XLD, 04/XLD): within administration, policy, land and
// housing, or other; the judiciary; party and mass organisations; other.
type Sector string

// Sectors.
const (
	SectorPolicy      Sector = "policy"
	SectorLandHousing Sector = "land_housing"
	SectorAdminOther  Sector = "admin_other"
	SectorJudicial    Sector = "judicial"
	SectorParty       Sector = "party"
	SectorOther       Sector = "other"
)

// Sectors lists the sectors in the forms' column order.
func Sectors() []Sector {
	return []Sector{SectorPolicy, SectorLandHousing, SectorAdminOther, SectorJudicial, SectorParty, SectorOther}
}

// Valid reports whether s is a known sector (empty: derived from the field).
func (s Sector) Valid() bool { return s == "" || in(s, Sectors()) }

// SectorOf is the sector a field of law falls in, the default for a
// petition whose sector the clerk did not choose (every petition from before
// the forms): land and construction are land and housing, social policy is
// policy, justice the judiciary, "other" other, the rest administration.
func SectorOf(f Field) Sector {
	switch f {
	case FieldLand, FieldConstruction:
		return SectorLandHousing
	case FieldSocialPolicy:
		return SectorPolicy
	case FieldJustice:
		return SectorJudicial
	case FieldOther:
		return SectorOther
	}
	return SectorAdminOther
}

// SectorOrDefault returns the petition's sector: the one chosen, or its field's.
func (p *Petition) SectorOrDefault() Sector {
	if p.Sector != "" {
		return p.Sector
	}
	return SectorOf(p.Field)
}

// Conduct is what a denunciation is about, for 03/XLD: corruption, public
// duty, or other conduct (empty).
type Conduct string

// Conducts.
const (
	ConductCorruption Conduct = "corruption"
	ConductPublicDuty Conduct = "public_duty"
)

// Conducts lists the conducts a denunciation may be marked with.
func Conducts() []Conduct { return []Conduct{ConductCorruption, ConductPublicDuty} }

// Valid reports whether c is known (empty: other conduct).
func (c Conduct) Valid() bool { return c == "" || in(c, Conducts()) }
