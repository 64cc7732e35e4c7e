/* gen_names.c: invented names, heritage groups, addresses, teams and staff for the generator. */
#include "cli/gen_priv.h"

#include <stdio.h>

#define P GEN_POOL

typedef struct group {
	const char *ethnicity;
	gen_pool female, male, surnames;
} group;

static const group groups[GEN_GROUPS] = {
	{"White British",
	 P("Sarah", "Emma", "Laura", "Kelly", "Gemma", "Rebecca", "Hannah", "Chloe", "Jade", "Amy",
	   "Lucy", "Sophie", "Ruby", "Isla", "Poppy", "Freya", "Lily", "Evie", "Megan", "Holly"),
	 P("James", "Daniel", "Thomas", "Ryan", "Liam", "Jack", "Harry", "Oliver", "Charlie", "Alfie",
	   "George", "Lewis", "Connor", "Jordan", "Callum", "Kyle", "Mason", "Riley", "Ethan", "Noah"),
	 P("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
	   "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Clarke", "Turner", "Hill", "Cooper",
	   "Ward")},
	{"Black British (Nigerian)",
	 P("Grace", "Blessing", "Ada", "Chioma", "Funmi", "Ngozi", "Temi", "Tolu", "Amara", "Zainab"),
	 P("Daniel", "Emeka", "Tunde", "Chidi", "Femi", "Kunle", "Seun", "David", "Samuel", "Joseph"),
	 P("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Nwosu", "Ogunleye")},
	{"Asian British (Pakistani)",
	 P("Nasreen", "Aisha", "Fatima", "Amira", "Safiya", "Maryam", "Hafsa", "Sana", "Zara", "Noor"),
	 P("Imran", "Zain", "Yusuf", "Ibrahim", "Bilal", "Hamza", "Adam", "Omar", "Ayaan", "Rayyan"),
	 P("Khan", "Hussain", "Ahmed", "Ali", "Iqbal", "Mahmood", "Akhtar", "Rashid")},
	{"White Polish",
	 P("Agnieszka", "Zofia", "Halina", "Katarzyna", "Magda", "Julia", "Zuzanna", "Maja", "Hanna",
	   "Ola"),
	 P("Łukasz", "Kacper", "Piotr", "Tomasz", "Jakub", "Szymon", "Filip", "Antoni", "Marek", "Paweł"),
	 P("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
	   "Szymański")},
	{"Black British (Caribbean)",
	 P("Paulette", "Marcia", "Tanisha", "Kezia", "Shanice", "Aaliyah", "Jada", "Imani", "Nia",
	   "Simone"),
	 P("Andre", "Marcus", "Tyrone", "Jermaine", "Kai", "Jayden", "Malachi", "Tyrese", "Elijah",
	   "Isaiah"),
	 P("Campbell", "Brown", "Williams", "Grant", "Thompson", "Johnson", "Clarke", "Francis")},
	{"Asian British (Bangladeshi)",
	 P("Rahima", "Shirin", "Tahmina", "Sumaiya", "Nusrat", "Ruksana", "Jannat", "Safa", "Inaaya",
	   "Hafsa"),
	 P("Abdul", "Rahim", "Tahmid", "Shakil", "Arif", "Ayaan", "Rayan", "Zayan", "Sami", "Mohammed"),
	 P("Begum", "Rahman", "Uddin", "Miah", "Islam", "Hoque", "Chowdhury", "Ahmed")},
	{"White Irish",
	 P("Siobhán", "Niamh", "Aoife", "Ciara", "Orla", "Róisín", "Saoirse", "Clodagh", "Erin", "Maeve"),
	 P("Pádraig", "Cian", "Oisín", "Seán", "Conor", "Darragh", "Eoin", "Ronan", "Fionn", "Liam"),
	 P("Gallagher", "Murphy", "O'Brien", "Byrne", "Kelly", "Doyle", "Quinn", "Walsh")},
	{"Mixed (White and Black Caribbean)",
	 P("Kayla", "Leah", "Maya", "Tia", "Amelia", "Jasmine", "Keira", "Mia", "Esme", "Layla"),
	 P("Tyler", "Reece", "Kian", "Jaden", "Leon", "Kairo", "Ashton", "Devon", "Jamal", "Luca"),
	 P("Reid", "Morgan", "Lewis", "Bennett", "Walker", "Allen", "Hughes", "Edwards")},
};

static const char *const streets[] = {
	"Elm Road", "Station Road", "Church Lane", "Victoria Street", "Park Avenue", "Mill Lane",
	"Queen's Road", "High Street", "Albert Terrace", "Canal Side", "Willow Close", "Oak Drive",
	"Foxglove Way", "Chapel Street", "Brook Road", "Beech Grove", "Hawthorn Crescent",
	"Railway Terrace", "Orchard Way", "King Street",
};

static const char *const areas[] = {
	"Northfield", "Eastbrook", "Southgate", "Westmoor", "Hillcrest", "Riverside",
	"Oldbury Green", "Kingsmead", "Ashton Vale", "Holloway Park", "Marsh End", "St Anne's",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t gen_n_first(uint8_t g, bool female)
{
	return female ? groups[g].female.n : groups[g].male.n;
}

size_t gen_n_surnames(uint8_t g)
{
	return groups[g].surnames.n;
}

size_t gen_n_streets(void)
{
	return COUNT(streets);
}

size_t gen_n_areas(void)
{
	return COUNT(areas);
}

const char *gen_area(uint16_t area)
{
	return areas[area % COUNT(areas)];
}

const char *gen_first_name(const gen_person *p)
{
	const gen_pool *pool = p->female ? &groups[p->group].female : &groups[p->group].male;

	return pool->s[p->first % pool->n];
}

const char *gen_surname(uint8_t g, uint16_t index)
{
	return groups[g].surnames.s[index % groups[g].surnames.n];
}

const char *gen_net_name(const gen_family *f)
{
	const gen_pool *pool = &groups[f->group].female;

	return pool->s[f->net_first % pool->n];
}

void gen_person_name(const gen_person *p, char *buf, size_t size)
{
	const gen_pool *sn = &groups[p->group].surnames;

	snprintf(buf, size, "%s %s", gen_first_name(p), sn->s[p->surname % sn->n]);
}

const char *gen_ethnicity(uint8_t g)
{
	return groups[g].ethnicity;
}

const char *gen_kin_word(uint8_t kin)
{
	static const char *const words[] = {"partner", "grandmother", "aunt", "uncle", "brother"};

	return words[kin % COUNT(words)];
}

void gen_family_name(const gen_world *w, const gen_family *f, char *buf, size_t size)
{
	const gen_person *cg = &w->people[f->first_person];
	const gen_pool *sn = &groups[cg->group].surnames;

	snprintf(buf, size, "%s family", sn->s[cg->surname % sn->n]);
}

void gen_address(const gen_family *f, char *buf, size_t size)
{
	const char *street = streets[f->street % COUNT(streets)], *area = gen_area(f->area);

	if (f->house % 3 == 0)
		snprintf(buf, size, "Flat %u, %u %s, %s", f->house % 12 + 1u, f->house / 3 + 1u,
			 street, area);
	else
		snprintf(buf, size, "%u %s, %s", (unsigned)f->house, street, area);
}

void gen_team_name(size_t team, char *buf, size_t size)
{
	snprintf(buf, size, "%s pod %zu", areas[team % COUNT(areas)], team / COUNT(areas) + 1);
}

void gen_staff_name(uint64_t seed, size_t prac, char *buf, size_t size)
{
	gen_rng r;
	gen_person p;

	gen_seed(&r, seed, GS_STAFF, prac);
	p.group = (uint8_t)(gen_chance(&r, 0.6) ? 0 : gen_int(&r, 1, GEN_GROUPS - 1));
	p.female = gen_chance(&r, 0.8);
	p.first = (uint16_t)gen_int(&r, 0, (int)gen_n_first(p.group, p.female) - 1);
	p.surname = (uint16_t)gen_int(&r, 0, (int)gen_n_surnames(p.group) - 1);
	gen_person_name(&p, buf, size);
}
