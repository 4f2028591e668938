#ifndef DOSSIER_CLUASUPPORT_H
#define DOSSIER_CLUASUPPORT_H
int dossier_clua_support_version(void);
#endif
