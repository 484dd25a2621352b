-- Personnel groups have one representation on the platform: competence-service's reference data, which names the
-- specialist nurses' fields including paediatrics ("barn").
update personnel_group
   set name = 'Spesialsykepleier (AKS, anestesi, intensiv, operasjon, barn)'
 where code = 'spesialsykepleier';
