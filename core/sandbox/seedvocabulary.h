#pragma once

#include <iterator>

// What the sandbox's demo contacts are made of: names, companies, streets, cities with their
// postal codes and area codes, task and note texts. Only the seeder's files include it.
namespace ContactDesk::Sandbox::SeedVocabulary {

// Vocabularies, '|'-separated UTF-8. Emails use the names' ASCII spelling.
inline constexpr char firstNameList[]
    = "James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|"
      "Richard|Susan|Joseph|Jessica|Thomas|Sarah|Christopher|Karen|Daniel|Lisa|Matthew|Nancy|"
      "Anthony|Betty|Mark|Sandra|Steven|Ashley|Andrew|Emily|Joshua|Michelle|Kevin|Amanda|Brian|"
      "Melissa|Jason|Stephanie|Ryan|Rebecca|Jacob|Laura|Nicholas|Olivia|Ethan|Sophia|Liam|Ava|"
      "Noah|Isabella|Lucas|Mia|Mateo|Camila|Diego|Valentina|Wei|Mei|Hiroshi|Yuki|Priya|Arjun|"
      "Aisha|Omar|Fatima|Chloé|José|Zoë|Søren|Björn|Renée|Siobhan|Kwame|Ngozi|Dmitri|Anastasia|"
      "Lars|Ingrid|Marisol|Thiago|Amara|Kai";
inline constexpr char lastNameList[]
    = "Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|"
      "Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|"
      "Harris|Sanchez|Clark|Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Torres|"
      "Nguyen|Hill|Flores|Green|Adams|Nelson|Baker|Hall|Rivera|Campbell|Mitchell|Carter|Roberts|"
      "Chen|Wang|Kim|Patel|Singh|Tanaka|Sato|Okafor|Mensah|Ivanova|Kowalski|O'Brien|McCarthy|"
      "Müller|Schröder|Núñez|Peña|Larsen|Johansson|Rossi|Dubois|Haddad";
inline constexpr char companyStemList[]
    = "Blue Ridge|Summit|Harbor|Pioneer|Redwood|Granite|Lakeside|Northwind|Silver Oak|Evergreen|"
      "Bright Path|Cornerstone|Golden Gate|Maple Leaf|Riverbend|Sunrise|Keystone|Clearwater|"
      "Ironwood|Bayview";
inline constexpr char companyTradeList[]
    = "Dental|Realty|Fitness|Plumbing|Marketing|Law Group|Auto Repair|Roofing|Bakery|Consulting|"
      "Insurance|Landscaping|Med Spa|Solar|Chiropractic|Accounting|Veterinary Clinic|HVAC|"
      "Photography|Coaching";
inline constexpr char personalDomainList[]
    = "gmail.com|yahoo.com|outlook.com|icloud.com|hotmail.com|aol.com|proton.me";
inline constexpr char streetList[]
    = "Main|Oak|Maple|Cedar|Pine|Elm|Washington|Lake|Hill|Park|Sunset|Highland|"
      "River|Church|Mill|Lincoln|Franklin|Jefferson|Spring|Ridge";
inline constexpr char streetTypeList[] = "St|Ave|Blvd|Rd|Ln|Dr|Ct|Way|Pl";
inline constexpr char sourceList[]
    = "public api|CRM UI|Website form|Facebook lead ad|Referral|CSV import|Zapier";
inline constexpr char taskTitleList[]
    = "Call back about pricing|Send proposal|Follow up on demo|Schedule site visit|"
      "Confirm appointment|Send contract|Check in after onboarding|Collect missing documents|"
      "Prepare quote|Renewal reminder";
inline constexpr char taskBodyList[]
    = "Asked for the annual plan numbers.|Wants a call after 3pm.|"
      "Decision maker is out until next week.|Send the revised quote with the discount.|"
      "Mentioned a competitor's offer.|Needs the signed W-9 before we start.";
inline constexpr char noteTitleList[]
    = "Call summary|Meeting notes|Follow-up summary|Billing|Preferences";
inline constexpr char noteBodyList[]
    = "Spoke on the phone; interested in the premium package but wants to compare options.|"
      "Prefers email over phone calls. Best reached in the morning.|"
      "Met at the spring trade show. Asked about group pricing.|"
      "Left a voicemail, no answer yet.|"
      "Confirmed the billing address and updated the card on file.|"
      "Referred by an existing customer; offer the referral discount.|"
      "Unhappy with the last delivery delay; follow up personally.";
inline constexpr char noteColorList[] = "#FFAA00|#4CAF50|#2196F3|#E91E63";
inline constexpr char appointmentKindList[]
    = "Consultation|Discovery call|Follow-up visit|Product demo|Site assessment";
inline constexpr char appointmentNoteList[] = "Bring the signed paperwork.|"
                                              "Customer asked for a reminder text.|"
                                              "Parking is behind the building.";
inline constexpr char textList[] = "Google search|Friend|LinkedIn|Trade show|Podcast|Yelp";
inline constexpr char longTextList[]
    = "Runs a family business with three locations; expanding next year.|"
      "Former customer who came back after a two-year break.|"
      "Works in procurement; needs invoices with purchase order numbers.";
inline constexpr const char* zoneIds[] = {"America/New_York", "America/Chicago", "America/Denver",
    "America/Phoenix", "America/Los_Angeles"};
inline constexpr const char* dndChannels[] = {"Call", "Email", "SMS", "WhatsApp", "GMB", "FB"};
// 555 first: those numbers are fictional. The others only come into play past 10,000 contacts
// in one area code.
inline constexpr const char* exchanges[] = {"555", "556", "557", "558", "559", "552", "553", "554"};

struct City
{
    const char* name;
    const char* state;
    int zip; // first postal code of the city
    int zipCount; // how many follow it
    const char* areaCode;
    int zone; // index into zoneIds
};

inline constexpr City cities[] = {
    {"San Francisco", "CA", 94102, 30, "415", 4},
    {"Los Angeles", "CA", 90001, 90, "213", 4},
    {"San Diego", "CA", 92101, 40, "619", 4},
    {"San Jose", "CA", 95110, 30, "408", 4},
    {"Seattle", "WA", 98101, 60, "206", 4},
    {"Portland", "OR", 97201, 30, "503", 4},
    {"Las Vegas", "NV", 89101, 50, "702", 4},
    {"Phoenix", "AZ", 85001, 50, "602", 3},
    {"Tucson", "AZ", 85701, 40, "520", 3},
    {"Denver", "CO", 80201, 40, "303", 2},
    {"Salt Lake City", "UT", 84101, 30, "801", 2},
    {"Albuquerque", "NM", 87101, 20, "505", 2},
    {"Dallas", "TX", 75201, 50, "214", 1},
    {"Austin", "TX", 78701, 50, "512", 1},
    {"Houston", "TX", 77001, 90, "713", 1},
    {"Chicago", "IL", 60601, 60, "312", 1},
    {"Minneapolis", "MN", 55401, 30, "612", 1},
    {"Kansas City", "MO", 64101, 50, "816", 1},
    {"Nashville", "TN", 37201, 30, "615", 1},
    {"New Orleans", "LA", 70112, 20, "504", 1},
    {"New York", "NY", 10001, 90, "212", 0},
    {"Brooklyn", "NY", 11201, 30, "718", 0},
    {"Boston", "MA", 2108, 30, "617", 0},
    {"Philadelphia", "PA", 19102, 50, "215", 0},
    {"Washington", "DC", 20001, 30, "202", 0},
    {"Atlanta", "GA", 30301, 60, "404", 0},
    {"Miami", "FL", 33101, 90, "305", 0},
    {"Orlando", "FL", 32801, 30, "407", 0},
    {"Charlotte", "NC", 28201, 80, "704", 0},
    {"Detroit", "MI", 48201, 40, "313", 0},
    {"Columbus", "OH", 43201, 30, "614", 0},
    {"Pittsburgh", "PA", 15201, 30, "412", 0},
};
inline constexpr int cityCount = int(std::size(cities));

} // namespace ContactDesk::Sandbox::SeedVocabulary
