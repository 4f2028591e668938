#include "CLuaSupport.h"
int dossier_clua_support_version(void) { return 1; }
